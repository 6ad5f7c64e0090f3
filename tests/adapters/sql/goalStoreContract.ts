import { newActivity } from '../../../bot/domain/clplRecord';
import { Goal, GoalError, newGoal } from '../../../bot/domain/goals';
import { gtcsStandardAreas } from '../../../bot/domain/tags';
import type { StoreFixture } from './storeContract';

const now = new Date('2026-11-20T10:00:00Z');

export function goalFor(ownerId: string, id: string, title = 'Use questioning to deepen thinking'): Goal {
  return newGoal({
    id,
    ownerId,
    now,
    standardAreas: gtcsStandardAreas,
    draft: { title, successCriteria: 'Pupils explain their reasoning', standardArea: gtcsStandardAreas[2]!, targetDate: '2027-06-30' },
  });
}

/** The local goal store and logged CLPL, part of the store contract (run against SQLite and PostgreSQL). */
export function describeGoalStoreContract(db: StoreFixture): void {
  describe('goals', () => {
    it('keeps a goal with its notes and evidence, and lists only the owner\'s goals', async () => {
      const stores = await db.open();
      const created = await stores.goals.createGoal(goalFor('ailsa', 'g1'));
      await stores.goals.createGoal(goalFor('callum', 'g2'));
      expect(created.version).not.toBe('');
      const updated = await stores.goals.updateGoal(
        { ...created, status: 'in_progress', progressNotes: [{ date: '2026-11-21', text: 'Tried wait time' }], evidence: [{ kind: 'link', ref: 'https://example.org/a', label: 'Article' }] },
        created.version,
      );
      expect(updated.version).not.toBe(created.version);
      const listed = await stores.goals.listGoals('ailsa');
      expect(listed).toEqual([updated]);
      expect(listed[0]).toMatchObject({ targetDate: '2027-06-30', progressNotes: [{ date: '2026-11-21', text: 'Tried wait time' }], status: 'in_progress' });
      expect(await stores.goals.findGoal('ailsa', 'g2')).toBeUndefined();
      expect(await stores.goals.findGoal('callum', 'g2')).toMatchObject({ id: 'g2', ownerId: 'callum' });
    });

    it('refuses an update from a stale version (conflict) and one to another person\'s goal (not found)', async () => {
      const stores = await db.open();
      const created = await stores.goals.createGoal(goalFor('ailsa', 'g1'));
      await stores.goals.updateGoal({ ...created, title: 'First edit' }, created.version);
      await expect(stores.goals.updateGoal({ ...created, title: 'Second edit' }, created.version)).rejects.toMatchObject({ code: 'goal_conflict' });
      const theft = stores.goals.updateGoal({ ...created, ownerId: 'callum', title: 'Mine now' }, created.version);
      await expect(theft).rejects.toBeInstanceOf(GoalError);
      await expect(theft).rejects.toMatchObject({ code: 'goal_not_found' });
      expect((await stores.goals.findGoal('ailsa', 'g1'))?.title).toBe('First edit');
    });

    it('logged CLPL is kept per person and read by date range, newest first', async () => {
      const stores = await db.open();
      const log = (id: string, ownerId: string, date: string) =>
        stores.clplActivities.addActivity(
          newActivity({ id, ownerId, kind: 'professional_reading', title: 'Reading', date, hours: 1.5, reflection: '', goalId: null, now }),
        );
      await log('a1', 'ailsa', '2026-09-01');
      await log('a2', 'ailsa', '2026-10-01');
      await log('a3', 'ailsa', '2026-07-01');
      await log('c1', 'callum', '2026-10-01');
      const inYear = await stores.clplActivities.activitiesOf('ailsa', { from: '2026-08-01', to: '2027-07-31' });
      expect(inYear.map((a) => a.id)).toEqual(['a2', 'a1']);
      expect(inYear[0]).toMatchObject({ minutes: 90, kind: 'professional_reading' });
      expect((await stores.clplActivities.activitiesOf('ailsa')).length).toBe(3);
    });
  });
}

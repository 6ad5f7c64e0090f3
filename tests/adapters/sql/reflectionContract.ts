import { emptyAnswers, PromptRound, ReflectionPrompt } from '../../../bot/domain/reflections';
import type { StoreFixture } from './storeContract';

const now = new Date('2026-11-24T10:00:00Z');
const round: PromptRound = { id: 'r1', schoolId: 'school-1', managerId: 'mia', managerName: 'Mia Reid', dueDate: '2026-12-05', message: 'Before PRD', createdAt: now };
const promptFor = (staffId: string, overrides: Partial<ReflectionPrompt> = {}): ReflectionPrompt => ({
  id: `p-${staffId}`,
  roundId: 'r1',
  schoolId: 'school-1',
  managerId: 'mia',
  staffId,
  staffName: staffId.toUpperCase(),
  dueDate: '2026-12-05',
  message: 'Before PRD',
  delivery: 'sent',
  createdAt: now,
  lastPromptedAt: now,
  ...overrides,
});

/** PRD reflection prompts, answers and the line-management map (ports/reflectionStore.ts), for every database. */
export function describeReflectionContract(db: StoreFixture): void {
  describe('reflections', () => {
    it('a round, its prompts and their notices are written together and read back', async () => {
      const stores = await db.open();
      await stores.reflections.transaction(async (tx) => {
        await tx.insertRound(round);
        for (const staff of ['bea', 'ailsa']) {
          await tx.savePrompt(promptFor(staff));
          await tx.enqueueNotice({ idempotencyKey: `reflection:${staff}`, schoolId: 'school-1', recipientId: staff, notice: { kind: 'session_reminder', offerId: 'o', offerTitle: 't', startsAt: now.toISOString(), timeZone: 'Europe/London', location: null, onlineLink: null } }, now);
        }
      });
      expect(await stores.reflections.findRound('r1')).toEqual(round);
      expect((await stores.reflections.promptsOfRound('r1')).map((p) => p.staffId)).toEqual(['ailsa', 'bea']);
      expect(await stores.reflections.findPrompt('p-bea')).toEqual(promptFor('bea'));
      expect((await stores.outbox.claimDue(now, 10, 60_000)).map((n) => n.recipientId).sort()).toEqual(['ailsa', 'bea']);
    });

    it('a failed transaction leaves nothing behind', async () => {
      const stores = await db.open();
      await expect(
        stores.reflections.transaction(async (tx) => {
          await tx.insertRound(round);
          await tx.savePrompt(promptFor('bea'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await stores.reflections.findRound('r1')).toBeUndefined();
      expect(await stores.reflections.promptsFor('bea')).toEqual([]);
    });

    it('keeps one reflection per prompt, replaced on each save, and marks prompts unreachable or re-prompted', async () => {
      const stores = await db.open();
      await stores.reflections.transaction(async (tx) => {
        await tx.insertRound(round);
        await tx.savePrompt(promptFor('bea'));
      });
      const draft = { promptId: 'p-bea', staffId: 'bea', answers: { ...emptyAnswers, howYouKnow: 'Work' }, status: 'draft' as const, updatedAt: now, submittedAt: null };
      await stores.reflections.transaction((tx) => tx.saveReflection(draft));
      const later = new Date(now.getTime() + 60_000);
      const submitted = { ...draft, answers: { ...draft.answers, nextYearFocus: ['Maths'], goalProgress: [{ goalId: 'g', goalTitle: 'G', progress: 'ok' }] }, status: 'submitted' as const, updatedAt: later, submittedAt: later };
      await stores.reflections.transaction((tx) => tx.saveReflection(submitted));
      expect(await stores.reflections.findReflection('p-bea')).toEqual(submitted);
      expect(await stores.reflections.reflectionsOfRound('r1')).toEqual([submitted]);

      expect((await stores.reflections.setPromptDelivery('p-bea', 'unreachable'))?.delivery).toBe('unreachable');
      expect((await stores.reflections.findPrompt('p-bea'))?.delivery).toBe('unreachable');
      expect(await stores.reflections.setPromptDelivery('p-nobody', 'sent')).toBeUndefined();
      await stores.reflections.transaction((tx) => tx.savePrompt(promptFor('bea', { delivery: 'sent', lastPromptedAt: later })));
      expect(await stores.reflections.findPrompt('p-bea')).toMatchObject({ delivery: 'sent', lastPromptedAt: later });
    });

    it('remembers where the tracking card was posted', async () => {
      const stores = await db.open();
      await stores.reflections.transaction((tx) => tx.insertRound(round));
      expect(await stores.reflections.findTrackingCard('r1')).toBeUndefined();
      await stores.reflections.saveTrackingCard({ roundId: 'r1', conversationId: 'a:mia', activityId: 'act-1' });
      expect(await stores.reflections.findTrackingCard('r1')).toEqual({ roundId: 'r1', conversationId: 'a:mia', activityId: 'act-1' });
    });

    it('an import replaces the school\'s map; one person\'s manager can be changed or removed', async () => {
      const stores = await db.open();
      await stores.reflections.setLineManager('school-1', 'old', 'mia');
      await stores.reflections.setLineManager('school-2', 'elsewhere', 'mia');
      await stores.reflections.replaceLineManagement('school-1', [
        { schoolId: 'school-1', staffId: 'ailsa', managerId: 'mia' },
        { schoolId: 'school-1', staffId: 'bea', managerId: 'mia' },
      ]);
      await stores.reflections.setLineManager('school-1', 'bea', 'tom');
      await stores.reflections.setLineManager('school-1', 'cal', 'mia');
      await stores.reflections.setLineManager('school-1', 'cal', null);
      expect(await stores.reflections.lineManagement('school-1')).toEqual([
        { schoolId: 'school-1', staffId: 'ailsa', managerId: 'mia' },
        { schoolId: 'school-1', staffId: 'bea', managerId: 'tom' },
      ]);
      expect(await stores.reflections.lineManagement('school-2')).toHaveLength(1);
    });
  });
}

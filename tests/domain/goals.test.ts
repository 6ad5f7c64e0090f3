import { hoursSummary, newActivity, schoolYearOf } from '../../bot/domain/clplRecord';
import { addProgress, editGoal, GoalError, linkEvidence, newGoal, sortGoals, unlinkEvidence } from '../../bot/domain/goals';
import { gtcsStandardAreas } from '../../bot/domain/tags';

const now = new Date('2026-11-20T10:00:00Z');
const draft = { title: '  Deepen questioning ', successCriteria: 'Pupils explain', standardArea: gtcsStandardAreas[2]!, targetDate: '2027-06-30' };
const goal = (overrides = {}) => newGoal({ id: 'g1', ownerId: 'ailsa', draft: { ...draft, ...overrides }, now, standardAreas: gtcsStandardAreas });

describe('goals', () => {
  it('a new goal is trimmed and not started, with no notes or evidence', () => {
    expect(goal()).toMatchObject({ title: 'Deepen questioning', status: 'not_started', progressNotes: [], evidence: [] });
  });

  it('refuses an empty title, an unknown standard area and an impossible date, all at once', () => {
    try {
      goal({ title: ' ', standardArea: 'Kindness', targetDate: '2027-02-30' });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(GoalError);
      expect((error as GoalError).fieldErrors).toEqual({
        title: 'Give the goal a title.',
        standardArea: 'Choose one of the GTCS Professional Standards areas.',
        targetDate: 'The target date must be a date (YYYY-MM-DD).',
      });
    }
  });

  it('a progress note starts the goal and notes are kept newest first', () => {
    const first = addProgress(goal(), { date: '2026-11-01', text: 'Planned' }, now);
    const second = addProgress(first, { date: '2026-11-15', text: 'Tried it' }, now);
    expect(second.status).toBe('in_progress');
    expect(second.progressNotes.map((n) => n.date)).toEqual(['2026-11-15', '2026-11-01']);
    expect(() => addProgress(goal(), { date: '2026-11-01', text: '  ' }, now)).toThrow(GoalError);
  });

  it('editing keeps a standard area that left the catalogue unless it is changed; marking achieved is a status change', () => {
    const old = { ...goal(), standardArea: 'Retired area' };
    expect(editGoal(old, { status: 'achieved' }, now, gtcsStandardAreas)).toMatchObject({ status: 'achieved', standardArea: 'Retired area' });
    expect(() => editGoal(old, { standardArea: 'Retired area' }, now, gtcsStandardAreas)).toThrow(GoalError);
  });

  it('evidence is linked once, and links must be https', () => {
    const link = { kind: 'session' as const, ref: 'offer-1', label: 'Questioning workshop' };
    const once = linkEvidence(goal(), link, now);
    expect(linkEvidence(once, link, now)).toBe(once);
    expect(() => linkEvidence(goal(), { kind: 'link', ref: 'javascript:alert(1)', label: 'x' }, now)).toThrow(expect.objectContaining({ fieldErrors: { evidence: 'Evidence links must be https:// addresses.' } }));
  });

  it('sorts open goals by target date (undated last) before achieved ones', () => {
    const a = { ...goal(), id: 'a', targetDate: null };
    const b = { ...goal(), id: 'b', targetDate: '2027-01-01' };
    const c = { ...goal(), id: 'c', targetDate: '2026-12-01', status: 'achieved' as const };
    expect(sortGoals([a, c, b]).map((g) => g.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('CLPL record', () => {
  it('the school year runs from 1 August to 31 July', () => {
    expect(schoolYearOf('2026-11-20')).toEqual({ from: '2026-08-01', to: '2027-07-31', label: '2026/27' });
    expect(schoolYearOf('2027-07-31').label).toBe('2026/27');
    expect(schoolYearOf('2027-08-01').label).toBe('2027/28');
  });

  it('logged hours this year count toward the target, pro rata for part-time staff', () => {
    const log = (date: string, hours: number) => newActivity({ id: date, ownerId: 'a', kind: 'external_course', title: 'Course', date, hours, reflection: '', goalId: null, now });
    const summary = hoursSummary({ today: '2026-11-20', activities: [log('2026-09-01', 2.5), log('2026-07-01', 6)], attendedMinutes: 90, fte: 0.6 });
    expect(summary).toEqual({ year: '2026/27', targetHours: 21, loggedHours: 2.5, attendedHours: 1.5, totalHours: 4 });
  });

  it('refuses future dates and hours that are not quarter hours', () => {
    expect(() => newActivity({ id: 'x', ownerId: 'a', kind: 'external_course', title: 'C', date: '2026-12-01', hours: 1.1, reflection: '', goalId: null, now })).toThrow(
      expect.objectContaining({ fieldErrors: { date: 'Log CLPL once it has happened.', hours: 'Hours must be between 0.25 and 100, in quarter hours.' } }),
    );
  });

  it('unlinking evidence removes only that kind and ref, and leaves a goal without it as it was', () => {
    const linked = linkEvidence(linkEvidence(goal(), { kind: 'feedback', ref: 'offer-1', label: 'Feedback: A' }, now), { kind: 'session', ref: 'offer-1', label: 'A' }, now);
    expect(unlinkEvidence(linked, { kind: 'feedback', ref: 'offer-1' }, now).evidence).toEqual([{ kind: 'session', ref: 'offer-1', label: 'A' }]);
    const plain = goal();
    expect(unlinkEvidence(plain, { kind: 'feedback', ref: 'offer-1' }, now)).toBe(plain);
  });
});

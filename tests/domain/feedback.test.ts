import { decideFeedback, feedbackClosesAt, feedbackGoalChoices, FeedbackTiming } from '../../bot/domain/feedback';
import { Goal, GoalStatus, newGoal } from '../../bot/domain/goals';
import { gtcsStandardAreas } from '../../bot/domain/tags';
import { buildAnswers, buildAttendance, buildOffer, buildPerson, buildResponse, shift, testNow } from '../factories';

const HOUR = 3_600_000;
const timing: FeedbackTiming = { requestDelayMs: HOUR, openForMs: 14 * 24 * HOUR, reminderAfterMs: 72 * HOUR };
const attendee = buildPerson({ name: 'Ann Attendee' });
const offer = buildOffer({ startsAt: shift(testNow, { hours: -3 }), endsAt: shift(testNow, { hours: -2 }), signUpsCloseAt: shift(testNow, { days: -1 }) });
const attendance = [buildAttendance({ offerId: offer.id, person: attendee }), buildAttendance({ offerId: offer.id, person: buildPerson(2), attended: false })];
const decide = (overrides: Partial<Parameters<typeof decideFeedback>[0]> = {}) =>
  decideFeedback({ offer, attendance, existing: undefined, person: attendee, answers: buildAnswers(), goalChoices: [], now: testNow, timing, ...overrides });

describe('feedback after a session', () => {
  it('an attendee gives one response, trimmed, with when it was given', () => {
    const response = decide({ answers: buildAnswers({ practiceChange: '  Use exit tickets.  ', relatedGoalId: '  ' }) });
    expect(response).toMatchObject({ offerId: offer.id, person: attendee, practiceChange: 'Use exit tickets.', relatedGoalId: null, submittedAt: testNow, updatedAt: testNow });
  });

  it('changing the answers keeps when they were first given', () => {
    const existing = buildResponse({ offerId: offer.id, person: attendee, submittedAt: shift(testNow, { minutes: -30 }) });
    const changed = decide({ existing, answers: buildAnswers({ value: 5 }) });
    expect(changed).toMatchObject({ value: 5, submittedAt: existing.submittedAt, updatedAt: testNow });
  });

  it('is refused to someone not marked as attending', () => {
    expect(() => decide({ person: buildPerson(2) })).toThrow(expect.objectContaining({ code: 'not_an_attendee' }));
    expect(() => decide({ person: buildPerson(3) })).toThrow(expect.objectContaining({ code: 'not_an_attendee' }));
  });

  it('opens when the session ends and closes after the configured window', () => {
    expect(() => decide({ now: shift(offer.endsAt, { minutes: -1 }) })).toThrow(expect.objectContaining({ code: 'feedback_not_open' }));
    expect(feedbackClosesAt(offer, timing)).toEqual(shift(offer.endsAt, { days: 14 }));
    expect(() => decide({ now: feedbackClosesAt(offer, timing) })).toThrow(expect.objectContaining({ code: 'feedback_closed' }));
    expect(decide({ now: shift(feedbackClosesAt(offer, timing), { minutes: -1 }) }).offerId).toBe(offer.id);
  });

  it('refuses out-of-range ratings and a missing answer, naming each field', () => {
    const answers = buildAnswers({ value: 6, before: { knowledge: 0, understanding: 2.5, confidence: 3 }, practiceChange: '   ' });
    expect(() => decide({ answers })).toThrow(
      expect.objectContaining({
        code: 'invalid_feedback',
        fieldErrors: { value: expect.any(String), knowledgeBefore: expect.any(String), understandingBefore: expect.any(String), practiceChange: expect.any(String) },
      }),
    );
  });

  it('refuses an answer longer than the card allows', () => {
    expect(() => decide({ answers: buildAnswers({ practiceChange: 'x'.repeat(1001) }) })).toThrow(expect.objectContaining({ fieldErrors: { practiceChange: expect.any(String) } }));
  });

  describe('the goal it relates to', () => {
    const goal = (id: string, status: GoalStatus): Goal => ({
      ...newGoal({ id, ownerId: attendee.id, draft: { title: `Goal ${id}`, successCriteria: '', standardArea: gtcsStandardAreas[0]!, targetDate: null }, now: testNow, standardAreas: gtcsStandardAreas }),
      status,
    });
    const goals = [goal('open', 'not_started'), goal('going', 'in_progress'), goal('proposed', 'proposed'), goal('done', 'achieved')];

    it('offers the goals being worked on, and keeps an achieved goal chosen before', () => {
      expect(feedbackGoalChoices(goals, null).map((g) => g.id)).toEqual(['going', 'open']);
      expect(feedbackGoalChoices(goals, 'done').map((g) => g.id)).toEqual(['going', 'open', 'done']);
    });

    it('names one of the choices by id', () => {
      expect(decide({ answers: buildAnswers({ relatedGoalId: 'going' }), goalChoices: goals }).relatedGoalId).toBe('going');
    });

    it('refuses a goal that is not among the person’s choices, with a clear message', () => {
      expect(() => decide({ answers: buildAnswers({ relatedGoalId: 'someone-elses' }), goalChoices: goals })).toThrow(
        expect.objectContaining({ code: 'invalid_feedback', fieldErrors: { relatedGoal: 'Choose one of your own CLPL goals from the list, or leave it blank.' } }),
      );
    });

    it('keeps an answer typed before goals were chosen from a list', () => {
      const existing = buildResponse({ offerId: offer.id, person: attendee, legacyRelatedGoal: 'Questioning' });
      expect(decide({ existing }).legacyRelatedGoal).toBe('Questioning');
    });
  });
});

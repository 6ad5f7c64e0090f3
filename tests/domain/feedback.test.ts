import { decideFeedback, feedbackClosesAt, FeedbackTiming } from '../../bot/domain/feedback';
import { buildAnswers, buildAttendance, buildOffer, buildPerson, buildResponse, shift, testNow } from '../factories';

const HOUR = 3_600_000;
const timing: FeedbackTiming = { requestDelayMs: HOUR, openForMs: 14 * 24 * HOUR, reminderAfterMs: 72 * HOUR };
const attendee = buildPerson({ name: 'Ann Attendee' });
const offer = buildOffer({ startsAt: shift(testNow, { hours: -3 }), endsAt: shift(testNow, { hours: -2 }), signUpsCloseAt: shift(testNow, { days: -1 }) });
const attendance = [buildAttendance({ offerId: offer.id, person: attendee }), buildAttendance({ offerId: offer.id, person: buildPerson(2), attended: false })];
const decide = (overrides: Partial<Parameters<typeof decideFeedback>[0]> = {}) =>
  decideFeedback({ offer, attendance, existing: undefined, person: attendee, answers: buildAnswers(), now: testNow, timing, ...overrides });

describe('feedback after a session', () => {
  it('an attendee gives one response, trimmed, with when it was given', () => {
    const response = decide({ answers: buildAnswers({ practiceChange: '  Use exit tickets.  ', relatedGoal: '  ' }) });
    expect(response).toMatchObject({ offerId: offer.id, person: attendee, practiceChange: 'Use exit tickets.', relatedGoal: null, submittedAt: testNow, updatedAt: testNow });
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
});

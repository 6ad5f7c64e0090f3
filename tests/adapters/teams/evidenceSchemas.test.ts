import { attendanceSubmission } from '../../../bot/adapters/teams/verbs/attendanceSchema';
import { parseFeedbackForm } from '../../../bot/adapters/teams/verbs/feedbackSchema';
import { periodActionData } from '../../../bot/adapters/teams/verbs/reportSchema';

const fullForm = {
  cardVersion: 1,
  offerId: 'offer-1',
  value: '4',
  knowledgeBefore: '2',
  knowledgeAfter: '4',
  understandingBefore: '3',
  understandingAfter: '4',
  confidenceBefore: '1',
  confidenceAfter: '3',
  practiceChange: 'Use exit tickets',
  relatedGoal: '',
  anonymous: 'true',
};

describe('what the attendance card sends', () => {
  it('collects the ids of switched-on toggles and ignores everything else', () => {
    const data = { verb: 'attendance.record.v1', cardVersion: 1, offerId: ' offer-1 ', attended_0: 'aad-1', attended_1: '', attended_2: 'aad-3', attended_x: 'aad-9', other: 'aad-8' };
    expect(attendanceSubmission.parse(data)).toEqual({ offerId: 'offer-1', attendedIds: ['aad-1', 'aad-3'] });
  });

  it('refuses a card without an offer, or a toggle value that is not an id', () => {
    expect(attendanceSubmission.safeParse({ attended_0: 'aad-1' }).success).toBe(false);
    expect(attendanceSubmission.safeParse({ offerId: 'offer-1', attended_0: 7 }).success).toBe(false);
    expect(attendanceSubmission.safeParse({ offerId: 'offer-1', attended_0: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('what the feedback card sends', () => {
  it('turns a complete form into answers', () => {
    expect(parseFeedbackForm(fullForm)).toMatchObject({
      ok: true,
      answers: { value: 4, before: { knowledge: 2, understanding: 3, confidence: 1 }, after: { knowledge: 4, understanding: 4, confidence: 3 }, practiceChange: 'Use exit tickets', relatedGoalId: null, anonymous: true },
    });
  });

  it('reads the chosen goal as an id, and "no particular goal" as none', () => {
    expect(parseFeedbackForm({ ...fullForm, relatedGoal: ' goal-7 ' })).toMatchObject({ ok: true, answers: { relatedGoalId: 'goal-7' } });
    expect(parseFeedbackForm({ ...fullForm, relatedGoal: 'none' })).toMatchObject({ ok: true, answers: { relatedGoalId: null } });
  });

  it('names each missing or out-of-range answer and keeps what was typed', () => {
    const parsed = parseFeedbackForm({ ...fullForm, value: '7', knowledgeAfter: undefined, confidenceBefore: ' ', practiceChange: '   ' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['confidenceBefore', 'knowledgeAfter', 'practiceChange', 'value']);
    expect(parsed.values).toMatchObject({ value: '7', knowledgeBefore: '2', anonymous: 'true' });
  });

  it('treats a non-string value as missing rather than trusting it', () => {
    const parsed = parseFeedbackForm({ ...fullForm, value: 4 });
    expect(parsed).toMatchObject({ ok: false, errors: { value: expect.any(String) } });
  });

  it('throws on text far longer than the card allows', () => {
    expect(() => parseFeedbackForm({ ...fullForm, practiceChange: 'x'.repeat(5000) })).toThrow();
  });
});

describe('what the report card sends', () => {
  it('a period index is a small whole number', () => {
    expect(periodActionData.parse({ periodIndex: '2' })).toEqual({ periodIndex: 2 });
    expect(periodActionData.safeParse({ periodIndex: '-1' }).success).toBe(false);
    expect(periodActionData.safeParse({ periodIndex: 'all' }).success).toBe(false);
  });
});

import { decideFollowUp, followUpProblems, followUpWindow, FollowUpTiming } from '../../bot/domain/followUp';
import { followUpsByTag, followUpSummary } from '../../bot/domain/followUpImpact';
import { schoolDayOnOrAfter, Term } from '../../bot/domain/terms';
import { buildAttendance, buildFollowUp, buildFollowUpAnswers, buildOffer, buildPerson, buildResponse } from '../factories';

const DAY = 86_400_000;
const timing: FollowUpTiming = { defaultWeeks: 6, openForMs: 21 * DAY, reminderAfterMs: 7 * DAY };
/** A school's real term dates: the gaps between them are holidays. */
const terms: Term[] = [
  { name: 'Autumn', from: '08-18', to: '12-22' },
  { name: 'Spring', from: '01-06', to: '03-27' },
  { name: 'Summer', from: '04-13', to: '06-26' },
];
const school = { terms, timeZone: 'Europe/London' };

describe('when the practice follow-up opens', () => {
  it('opens the offer\'s number of weeks after the session ends, else the school default, and stays open the configured time', () => {
    const endsAt = new Date('2026-09-01T16:00:00Z');
    expect(followUpWindow(buildOffer({ endsAt, followUpWeeks: 4 }), timing, school)).toEqual({
      weeks: 4,
      opensAt: new Date('2026-09-29T16:00:00Z'),
      closesAt: new Date('2026-10-20T16:00:00Z'),
    });
    expect(followUpWindow(buildOffer({ endsAt }), timing, school)?.opensAt).toEqual(new Date('2026-10-13T16:00:00Z'));
  });

  it('an offer with 0 weeks has no follow-up', () => {
    expect(followUpWindow(buildOffer({ followUpWeeks: 0 }), timing, school)).toBeNull();
    expect(followUpWindow(buildOffer(), { ...timing, defaultWeeks: 0 }, school)).toBeNull();
  });

  it('moves out of a school holiday to the first day of the next term', () => {
    // Six weeks after 17 November falls on 29 December, in the Christmas holiday: it opens on 6 January instead.
    const window = followUpWindow(buildOffer({ endsAt: new Date('2026-11-17T16:00:00Z') }), timing, school);
    expect(window?.opensAt).toEqual(new Date('2027-01-06T00:00:00Z'));
    // The summer holiday runs into the next school year: 27 June → 18 August.
    expect(schoolDayOnOrAfter(new Date('2027-07-20T10:00:00Z'), terms, 'Europe/London')).toEqual(new Date('2027-08-17T23:00:00Z'));
  });

  it('terms that cover the whole year (the default) have no holidays', () => {
    const at = new Date('2026-12-29T10:00:00Z');
    expect(schoolDayOnOrAfter(at, [{ name: 'All', from: '08-01', to: '07-31' }], 'Europe/London')).toEqual(at);
    expect(schoolDayOnOrAfter(at, [], 'Europe/London')).toEqual(at);
  });
});

describe('giving the follow-up', () => {
  const ann = buildPerson({ name: 'Ann' });
  const offer = buildOffer({ endsAt: new Date('2026-09-01T16:00:00Z'), followUpWeeks: 4 });
  const window = followUpWindow(offer, timing, school);
  const attendance = [buildAttendance({ offerId: offer.id, person: ann, attended: true })];
  const open = new Date('2026-10-01T09:00:00Z');
  const decide = (overrides: Partial<Parameters<typeof decideFollowUp>[0]> = {}) =>
    decideFollowUp({ offer, attendance, existing: undefined, person: ann, answers: buildFollowUpAnswers(), goalChoices: [], now: open, window, ...overrides });

  it('refuses someone not marked as attending, before it opens, after it closes and when the offer has none', () => {
    expect(() => decide({ person: buildPerson({ name: 'Stranger' }) })).toThrow(expect.objectContaining({ code: 'follow_up_not_attendee' }));
    expect(() => decide({ attendance: [buildAttendance({ offerId: offer.id, person: ann, attended: false })] })).toThrow(expect.objectContaining({ code: 'follow_up_not_attendee' }));
    expect(() => decide({ now: new Date('2026-09-29T15:59:00Z') })).toThrow(expect.objectContaining({ code: 'follow_up_not_open' }));
    expect(() => decide({ now: new Date('2026-10-20T16:00:00Z') })).toThrow(expect.objectContaining({ code: 'follow_up_closed' }));
    expect(() => decide({ window: null })).toThrow(expect.objectContaining({ code: 'follow_up_not_open' }));
  });

  it('keeps when it was first given when the answer is changed', () => {
    const first = decide();
    const later = new Date('2026-10-02T09:00:00Z');
    const changed = decide({ existing: first, now: later, answers: buildFollowUpAnswers({ confidenceNow: 5, practiceChange: '  Now daily.  ' }) });
    expect(changed).toMatchObject({ submittedAt: open, updatedAt: later, confidenceNow: 5, practiceChange: 'Now daily.' });
  });

  it('checks each answer: the rating, a practice change, https links only and the person\'s own goal', () => {
    expect(followUpProblems(buildFollowUpAnswers({ confidenceNow: 6, practiceChange: ' ', evidence: 'http://x.example', relatedGoalId: 'someone-elses' }), [{ id: 'mine' }])).toEqual({
      confidenceNow: 'Rate your confidence now, from 1 to 5.',
      practiceChange: 'Say what changed in your practice, or what got in the way.',
      evidence: 'Evidence links must be https:// addresses (or write a note instead).',
      relatedGoal: 'Choose one of your own CLPL goals from the list, or leave it blank.',
    });
    expect(followUpProblems(buildFollowUpAnswers({ evidence: 'In the S2 shared folder', relatedGoalId: 'mine' }), [{ id: 'mine' }])).toEqual({});
    expect(() => decide({ answers: buildFollowUpAnswers({ confidenceNow: 0 }) })).toThrow(expect.objectContaining({ code: 'invalid_follow_up' }));
  });
});

describe('what the follow-ups show', () => {
  const people = [1, 2, 3, 4].map((n) => buildPerson(n));
  const asked = people.map((p) => ({ offerId: 'o1', personId: p.id }));
  const feedback = people.map((person, i) => buildResponse({ offerId: 'o1', person, before: { knowledge: 2, understanding: 2, confidence: 1 + i }, after: { knowledge: 4, understanding: 4, confidence: 4 } }));

  it('counts answers from those asked, the share who applied it, and confidence at three points over those who answered both', () => {
    const followUps = [
      buildFollowUp({ offerId: 'o1', person: people[0]!, used: 'yes', confidenceNow: 4 }),
      buildFollowUp({ offerId: 'o1', person: people[1]!, used: 'no', confidenceNow: 2 }),
      buildFollowUp({ offerId: 'o1', person: people[2]!, used: 'partly', confidenceNow: 3, anonymous: true }),
      buildFollowUp({ offerId: 'o1', person: buildPerson({ name: 'Not asked' }), confidenceNow: 1 }),
    ];
    const summary = followUpSummary({ asked, feedback, followUps, minResponses: 3 });
    expect(summary).toMatchObject({ asked: 4, responses: 3, responseRate: 0.75 });
    expect(summary.breakdown?.applied).toEqual({ share: 2 / 3, n: 3 });
    // Before 1, 2, 3 → after 4, 4, 4 → weeks later 4, 2, 3.
    expect(summary.breakdown?.confidence).toEqual({
      before: { mean: 2, n: 3 },
      after: { mean: 4, n: 3 },
      followUp: { mean: 3, n: 3 },
      sustainedChange: { mean: 1, n: 3 },
    });
    expect(summary.breakdown?.answers.map((a) => a.name)).toEqual([people[0]!.name, people[1]!.name, null]);
  });

  it('withholds every answer and mean below the anonymity threshold', () => {
    const summary = followUpSummary({ asked, feedback, followUps: [buildFollowUp({ offerId: 'o1', person: people[0]! })], minResponses: 2 });
    expect(summary).toMatchObject({ responses: 1, breakdown: null });
    expect(followUpSummary({ asked: [], feedback, followUps: [], minResponses: 2 })).toMatchObject({ asked: 0, responseRate: null });
  });

  it('sums up per tag, each session under each of its tags', () => {
    const numeracy = buildOffer({ id: 'o1', tags: { standards: ['Professional Values'], priorities: ['Numeracy'] } });
    const literacy = buildOffer({ id: 'o2', tags: { standards: ['Professional Values'], priorities: ['Literacy'] } });
    const followUps = [buildFollowUp({ offerId: 'o1', person: people[0]! }), buildFollowUp({ offerId: 'o2', person: people[1]! })];
    const result = followUpsByTag({ offers: [numeracy, literacy], asked: [asked[0]!, { offerId: 'o2', personId: people[1]!.id }], feedback: [], followUps, minResponses: 1 });
    expect(result.overall).toMatchObject({ asked: 2, responses: 2 });
    expect(result.byTag.map((t) => [t.tag, t.summary.asked, t.summary.responses])).toEqual([
      ['Literacy', 1, 1],
      ['Numeracy', 1, 1],
      ['Professional Values', 2, 2],
    ]);
  });
});

import { attendanceCardData, renderAttendanceCard } from '../../../bot/adapters/teams/cards/attendanceCard';
import { emptyFeedbackForm, feedbackFormCardData, renderFeedbackFormCard } from '../../../bot/adapters/teams/cards/feedbackFormCard';
import { feedbackSavedCardData, renderFeedbackSavedCard } from '../../../bot/adapters/teams/cards/feedbackSavedCard';
import { impactReportCardData, renderImpactReportCard } from '../../../bot/adapters/teams/cards/impactReportCard';
import { myHoursCardData, renderMyHoursCard } from '../../../bot/adapters/teams/cards/myHoursCard';
import { offerListCardData, renderOfferListCard } from '../../../bot/adapters/teams/cards/offerListCard';
import { periodReportCardData, renderPeriodReportCard } from '../../../bot/adapters/teams/cards/periodReportCard';
import { noticeCard } from '../../../bot/adapters/teams/teamsMessenger';
import { offerImpact, periodReport } from '../../../bot/domain/impact';
import { schoolYear, termsOf, defaultTerms } from '../../../bot/domain/terms';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';
import { buildAttendance, buildOffer, buildPerson, buildResponse, buildSignUps } from '../../factories';

const offer = buildOffer({ id: 'offer-1', title: 'Questioning for deeper learning', startsAt: new Date('2026-12-03T15:45:00Z'), endsAt: new Date('2026-12-03T17:15:00Z') });
const people = Array.from({ length: 120 }, (_, i) => buildPerson({ id: `aad-${String(i).padStart(3, '0')}-0000-0000-0000-000000000000`, name: `Teacher Number ${i}` }));
const text = (card: unknown) => JSON.stringify(card);

describe('attendance, feedback and report cards are valid Adaptive Cards 1.5', () => {
  it('the attendance card shows 120 people a page of 40 at a time, a toggle per person carrying their id, ticked where marked', () => {
    const sheet = { offer, minutes: 90, recordedAt: null, people: people.map((person, i) => ({ person, attended: i % 2 === 0 })) };
    const card = renderAttendanceCard(attendanceCardData(sheet, { text: 'Saved so far: 60 of 120 attended.', color: 'Good' }));
    expectValidAdaptiveCard(card);
    const toggles = (card.body as Array<Record<string, unknown>>).filter((e) => e.type === 'Input.Toggle');
    expect(toggles).toHaveLength(40);
    expect(toggles[0]).toMatchObject({ id: 'mark_0', title: 'Teacher Number 0', valueOn: people[0]!.id, valueOff: `absent:${people[0]!.id}`, value: people[0]!.id });
    expect(toggles[1]).toMatchObject({ id: 'mark_1', value: `absent:${people[1]!.id}` });
    expect(text(card)).toContain('counts as 1.5 hours of CLPL');
    expect(text(card)).toContain('Page 1 of 3');
    expect((card.actions as Array<{ verb: string }>).map((a) => a.verb)).toEqual(['attendance.page.v1', 'attendance.page.v1']);
  });

  it('an attendance card for a session nobody was confirmed for says so and offers no button', () => {
    const card = renderAttendanceCard(attendanceCardData({ offer, minutes: 90, recordedAt: null, people: [] }));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('Nobody was confirmed');
    expect(card.actions ?? []).toEqual([]);
  });

  it('the feedback request is the form itself, and its reminder says so', () => {
    const notice = { kind: 'feedback_request' as const, offerId: 'offer-1', offerTitle: offer.title, startsAt: offer.startsAt.toISOString(), endsAt: offer.endsAt.toISOString(), timeZone: 'Europe/London', closesAt: '2026-12-17T17:15:00.000Z', reminder: true };
    const card = noticeCard(notice);
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('A reminder: how was the session?');
    expect(text(card)).toContain('Thu 17 Dec 2026, 17:15');
    const ids = JSON.stringify(card).match(/"id":"[A-Za-z]+"/g);
    expect(ids).toEqual(['"id":"value"', '"id":"knowledgeBefore"', '"id":"knowledgeAfter"', '"id":"understandingBefore"', '"id":"understandingAfter"', '"id":"confidenceBefore"', '"id":"confidenceAfter"', '"id":"practiceChange"', '"id":"anonymous"']);
    expect(text(card)).toContain('add them in the CLPL tab under My goals');
  });

  it('the feedback form offers the person’s own goals as a compact, optional choice', () => {
    const goals = [
      { id: 'goal-1', title: 'Deepen questioning' },
      { id: 'goal-2', title: 'Outdoor learning' },
    ];
    const notice = { kind: 'feedback_request' as const, offerId: 'offer-1', offerTitle: offer.title, startsAt: offer.startsAt.toISOString(), endsAt: offer.endsAt.toISOString(), timeZone: 'Europe/London', closesAt: '2026-12-17T17:15:00.000Z', reminder: false, goals };
    const card = noticeCard(notice);
    expectValidAdaptiveCard(card);
    const choice = (card.body as Array<Record<string, unknown>>).find((e) => e.id === 'relatedGoal');
    expect(choice).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', label: 'Which of your CLPL goals does it relate to? (optional)' });
    expect(choice!.isRequired).toBeFalsy();
    expect(choice!.choices).toEqual([
      { title: 'No particular goal', value: 'none' },
      { title: 'Deepen questioning', value: 'goal-1' },
      { title: 'Outdoor learning', value: 'goal-2' },
    ]);

    const editing = renderFeedbackFormCard(feedbackFormCardData({ offer, closesAt: new Date('2026-12-17T17:15:00Z'), goalChoices: goals, values: { ...emptyFeedbackForm, relatedGoal: 'goal-2' }, editing: true }));
    expectValidAdaptiveCard(editing);
    expect((editing.body as Array<Record<string, unknown>>).find((e) => e.id === 'relatedGoal')).toMatchObject({ value: 'goal-2' });
  });

  it('a refused feedback form keeps every value and shows each problem', () => {
    const values = { ...emptyFeedbackForm, value: '4', knowledgeBefore: '2', practiceChange: 'Exit tickets', anonymous: 'true' };
    const card = renderFeedbackFormCard(
      feedbackFormCardData({ offer, closesAt: new Date('2026-12-17T17:15:00Z'), values, errors: { knowledgeAfter: 'Rate your knowledge after, from 1 to 5.' }, formMessage: 'Please check the highlighted answers.' }),
    );
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('Rate your knowledge after, from 1 to 5.');
    expect(text(card)).toContain('"id":"knowledgeBefore","label":"Knowledge before"');
    expect(text(card)).toContain('"value":"Exit tickets"');
    expect(text(card)).toContain('"maxLength":1000');
  });

  it('the saved card thanks the person and offers to change the answers', () => {
    const existing = buildResponse({ offerId: offer.id, anonymous: true, value: 5 });
    const card = renderFeedbackSavedCard(feedbackSavedCardData({ offer, closesAt: new Date('2026-12-17T17:15:00Z'), existing, goalChoices: [] }));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('5 out of 5');
    expect(text(card)).toContain('Anonymously');
    expect((card.actions as Array<{ verb: string }>)[0]!.verb).toBe('feedback.edit.v1');
  });

  it('the impact card shows counts, means with n and answers with anonymous names hidden', () => {
    const signUps = buildSignUps(offer, 6);
    const attendance = signUps.map((s) => buildAttendance({ offerId: offer.id, person: s.person }));
    const responses = signUps.slice(0, 5).map((s, i) => buildResponse({ offerId: offer.id, person: s.person, anonymous: i === 0, practiceChange: `Change ${i}` }));
    const card = renderImpactReportCard(impactReportCardData(offerImpact({ offer, signUps, attendance, responses, minResponses: 5 })));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('5 of 6 (83%)');
    expect(text(card)).toContain('4.00 (n = 5) out of 5');
    expect(text(card)).toContain('+2.00 (n = 5)');
    expect(text(card)).toContain('— anonymous');
    expect(text(card)).toContain(`— ${signUps[1]!.person.name}`);
    expect(text(card)).not.toContain(`— ${signUps[0]!.person.name}`);
  });

  it('below the minimum the impact card says "too few responses to show" and shows no answer or mean', () => {
    const signUps = buildSignUps(offer, 6);
    const attendance = signUps.map((s) => buildAttendance({ offerId: offer.id, person: s.person }));
    const responses = signUps.slice(0, 4).map((s) => buildResponse({ offerId: offer.id, person: s.person, practiceChange: 'Secret plan' }));
    const card = renderImpactReportCard(impactReportCardData(offerImpact({ offer, signUps, attendance, responses, minResponses: 5 })));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('Too few responses to show');
    expect(text(card)).not.toContain('Secret plan');
    expect(text(card)).not.toContain('Mean value');
  });

  it('the report menu lists sessions and the year and terms', () => {
    const periods = [schoolYear(2026, 'Europe/London'), ...termsOf(2026, defaultTerms, 'Europe/London')];
    const card = renderOfferListCard(offerListCardData({ heading: 'CLPL impact report', intro: '', emptyText: 'None', buttonTitle: 'Impact report', verb: 'report.offer.v1', offers: [offer], periods }));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('"verb":"report.offer.v1","data":{"cardVersion":1,"offerId":"offer-1"}');
    expect(text(card)).toContain('Autumn 2026/27');
    const empty = renderOfferListCard(offerListCardData({ heading: 'Mark attendance', intro: '', emptyText: 'Nothing to mark', buttonTitle: 'Mark attendance', verb: 'attendance.open.v1', offers: [] }));
    expectValidAdaptiveCard(empty);
    expect(text(empty)).toContain('Nothing to mark');
  });

  it('the period card lists hours per person (at most 60) and per tag', () => {
    const sessions = people.map((person) => ({ offer, record: buildAttendance({ offerId: offer.id, person, minutes: 90 }) }));
    const card = renderPeriodReportCard(periodReportCardData(periodReport(schoolYear(2026, 'Europe/London'), sessions), 35));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('1 session attended by 120 people, 180 hours in all.');
    expect(text(card)).toContain('and 60 more: export the CSV for everyone.');
    expect(text(card)).toContain('Improvement priority');
  });

  it('my hours shows progress against the yearly target', () => {
    const card = renderMyHoursCard(myHoursCardData({ yearLabel: '2026/27', progress: { hours: 1.5, targetHours: 35, percent: 4 }, sessions: [{ offer, record: buildAttendance({ offerId: offer.id }) }], observations: [] }));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('1.5 of 35 hours (4%)');
    expect(text(card)).toContain('Questioning for deeper learning · 1.5 hours');
  });
});

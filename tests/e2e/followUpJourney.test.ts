import { devUserHeader } from '../../bot/http/auth/identify';
import { gtcsStandardAreas } from '../../bot/domain/tags';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { createOfferThroughCard, noQuietHours, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';
import { channelCardAction, member, Member, personalCardAction, sendToBot } from '../support/teamsActivities';
import { FakeClock } from '../factories';

const ailsa = member('fu-a', 'Ailsa Applied');
const bruce = member('fu-b', 'Bruce Tried');
const dana = member('fu-d', 'Dana Silent');
const colin = member('fu-c', 'Colin Absent');
const text = (card: unknown) => JSON.stringify(card) ?? '';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Cards sent to a person 1:1: in the chat the bot opened, or (once they have used it) the chat they use. */
function proactiveCardsTo(bed: Testbed, person: Member): unknown[] {
  const conversations = bed.connector
    .conversationsCreated()
    .filter((c) => c.body?.members?.[0]?.id === person.teamsId)
    .map((c) => c.responseId as string);
  return [...conversations, `a:personal-${person.aadObjectId}`].flatMap((id) => bed.connector.sentTo(id)).map((c) => c.body?.attachments?.[0]?.content);
}

const followUpCardsTo = (bed: Testbed, person: Member) => proactiveCardsTo(bed, person).filter((c) => text(c).includes('has it changed your practice?'));

const feedback = (confidenceBefore: string, confidenceAfter: string) => ({
  cardVersion: 1,
  value: '4',
  knowledgeBefore: '2',
  knowledgeAfter: '4',
  understandingBefore: '2',
  understandingAfter: '4',
  confidenceBefore,
  confidenceAfter,
  practiceChange: 'Use exit tickets.',
  relatedGoal: 'none',
  anonymous: 'false',
});

const followUp = (overrides: Record<string, string> = {}) => ({
  cardVersion: 1,
  used: 'yes',
  practiceChange: 'Exit tickets every lesson in S2.',
  pupilEffect: 'Pupils ask for the hinge question now.',
  evidence: 'https://school.example/s2-exit-tickets',
  confidenceNow: '4',
  relatedGoal: 'none',
  anonymous: 'false',
  ...overrides,
});

describe('weeks after the session: the practice follow-up and the three-point change', () => {
  let bed: Testbed;
  const clock = new FakeClock(new Date());
  beforeEach(async () => {
    clock.set(new Date());
    bed = await startTestbed({ clock, env: { ...noQuietHours, CLPL_MIN_RESPONSES_TO_SHOW: '2' } });
  });
  afterEach(() => bed.close());

  it('session → feedback → follow-up weeks later → the report shows before, after and weeks later', async () => {
    const url = bed.server.url;
    await setUpSchool(bed);
    // SLT chose a four-week follow-up on the offer form (the school default is six).
    const { offerId, card } = await createOfferThroughCard(bed, { capacity: '6', followUpWeeks: '4' });
    for (const person of [ailsa, bruce, dana, colin]) await sendToBot(url, channelCardAction(bed.world, person, card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    const offer = (await bed.server.stores.offers.findOffer(offerId))!;
    expect(offer.followUpWeeks).toBe(4);

    clock.set(new Date(offer.startsAt.getTime() + 30 * 60_000));
    await sendToBot(url, personalCardAction(bed.world, slt, 'attendance.record.v1', { cardVersion: 1, offerId, attended_0: ailsa.aadObjectId, attended_1: bruce.aadObjectId, attended_2: '', attended_3: dana.aadObjectId }));

    clock.set(new Date(offer.endsAt.getTime() + HOUR));
    await bed.server.settle();
    await sendToBot(url, personalCardAction(bed.world, ailsa, 'feedback.submit.v1', { offerId, ...feedback('1', '4') }));
    await sendToBot(url, personalCardAction(bed.world, bruce, 'feedback.submit.v1', { offerId, ...feedback('2', '3') }));

    // Ailsa's goal in the tab, to link the follow-up to as evidence.
    const tab = (path: string, init: { method?: string; body?: unknown } = {}) =>
      fetch(`${url}${path}`, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json', [devUserHeader]: ailsa.aadObjectId }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const created = await tab('/api/tab/goals', { method: 'POST', body: { title: 'Assessment for learning', successCriteria: '', standardArea: gtcsStandardAreas[2], targetDate: null } });
    const goalId = ((await created.json()) as { goal: { id: string } }).goal.id;

    // Not yet: the follow-up opens four weeks after the end.
    clock.set(new Date(offer.endsAt.getTime() + 4 * WEEK - HOUR));
    await bed.server.settle();
    expect(followUpCardsTo(bed, ailsa)).toHaveLength(0);
    const early = await sendToBot(url, personalCardAction(bed.world, ailsa, 'followUp.submit.v1', { offerId, ...followUp() }));
    expect(text(early.body.value)).toContain('Follow-up not open');

    clock.set(new Date(offer.endsAt.getTime() + 4 * WEEK + 60_000));
    await bed.server.settle();
    const [request] = followUpCardsTo(bed, ailsa);
    expectValidAdaptiveCard(request);
    expect(text(request)).toContain('After the session you rated your confidence 4 out of 5 (before it: 1).');
    expect(text(request)).toContain(`{"title":"Assessment for learning","value":"${goalId}"}`);
    expect(text(request)).toContain('"verb":"followUp.submit.v1"');
    expect(followUpCardsTo(bed, bruce)).toHaveLength(1);
    expect(followUpCardsTo(bed, dana)).toHaveLength(1);
    expect(followUpCardsTo(bed, colin)).toHaveLength(0);

    // Someone who did not attend is refused; nothing is stored.
    const notAttendee = await sendToBot(url, personalCardAction(bed.world, colin, 'followUp.submit.v1', { offerId, ...followUp() }));
    expect(text(notAttendee.body.value)).toContain('The follow-up is for attendees');
    expect(await bed.server.stores.evidence.followUpsFor(offerId)).toEqual([]);

    // A missing rating and an http:// link come back on the form with the typed answers kept.
    const missing = await sendToBot(url, personalCardAction(bed.world, ailsa, 'followUp.submit.v1', { offerId, ...followUp({ confidenceNow: '' }) }));
    expectValidAdaptiveCard(missing.body.value);
    expect(text(missing.body.value)).toContain('Please check the highlighted answers. Nothing has been saved yet.');
    expect(text(missing.body.value)).toContain('Exit tickets every lesson in S2.');
    const insecure = await sendToBot(url, personalCardAction(bed.world, ailsa, 'followUp.submit.v1', { offerId, ...followUp({ evidence: 'http://school.example/x' }) }));
    expect(text(insecure.body.value)).toContain('Evidence links must be https:// addresses');
    expect(await bed.server.stores.evidence.followUpsFor(offerId)).toEqual([]);

    const saved = await sendToBot(url, personalCardAction(bed.world, ailsa, 'followUp.submit.v1', { offerId, ...followUp({ confidenceNow: '3', relatedGoal: goalId }) }));
    expectValidAdaptiveCard(saved.body.value);
    expect(text(saved.body.value)).toContain('1 before → 4 after → 3 now (out of 5)');
    // One editable answer: changing it replaces the first.
    const edit = await sendToBot(url, personalCardAction(bed.world, ailsa, 'followUp.edit.v1', { cardVersion: 1, offerId }));
    expectValidAdaptiveCard(edit.body.value);
    expect(text(edit.body.value)).toContain('Save my changes');
    await sendToBot(url, personalCardAction(bed.world, ailsa, 'followUp.submit.v1', { offerId, ...followUp({ confidenceNow: '4', relatedGoal: goalId }) }));
    await sendToBot(url, personalCardAction(bed.world, bruce, 'followUp.submit.v1', { offerId, ...followUp({ used: 'partly', confidenceNow: '2', practiceChange: 'Tried it twice with S1.', pupilEffect: '', evidence: 'Notes in my planner' }) }));
    expect(await bed.server.stores.evidence.followUpsOf(ailsa.aadObjectId)).toEqual([expect.objectContaining({ offerId, confidenceNow: 4, used: 'yes', relatedGoalId: goalId })]);

    const record = (await (await tab('/api/tab/clpl')).json()) as { followUps: unknown[] };
    expect(record.followUps).toEqual([expect.objectContaining({ offerId, used: 'yes', confidenceNow: 4, practiceChange: 'Exit tickets every lesson in S2.' })]);
    const goals = (await (await tab('/api/tab/goals')).json()) as { goals: Array<{ id: string; evidence: unknown[] }> };
    expect(goals.goals.find((g) => g.id === goalId)?.evidence).toEqual([{ kind: 'follow_up', ref: offerId, label: `In practice: ${offer.title}` }]);

    // One reminder, to Dana only, a week after the request.
    clock.advance(WEEK);
    await bed.server.settle();
    expect(followUpCardsTo(bed, dana).map((c) => text(c).includes('A reminder'))).toEqual([false, true]);
    expect(followUpCardsTo(bed, ailsa)).toHaveLength(1);
    clock.advance(WEEK);
    await bed.server.settle();
    expect(followUpCardsTo(bed, dana)).toHaveLength(2);

    // The report: confidence before (1, 2), after (4, 3), weeks later (4, 2); sustained change +1.50.
    const report = await sendToBot(url, personalCardAction(bed.world, slt, 'report.offer.v1', { cardVersion: 1, offerId }));
    expectValidAdaptiveCard(report.body.value);
    const shown = text(report.body.value);
    expect(shown).toContain('Weeks later: practice follow-up');
    expect(shown).toContain('"title":"Follow-up answers","value":"2 of 3 (67%)"');
    expect(shown).toContain('"title":"Applied it","value":"100% (n = 2)"');
    expect(shown).toContain('1.50 before → 3.50 after → 3.00 weeks later (n = 2)');
    expect(shown).toContain('+1.50 (n = 2) since before');
    expect(shown).toContain('Pupils: Pupils ask for the hinge question now.');

    const csv = await (await fetch(`${url}/api/reports/offers/${offerId}.csv`, { headers: { [devUserHeader]: slt.aadObjectId } })).text();
    expect(csv).toContain('follow-up,answers,2,3');
    expect(csv).toContain('follow-up,share who applied it,1,2');
    expect(csv).toContain('follow-up confidence (1-5),weeks later,3,2');
    expect(csv).toContain('follow-up confidence (1-5),change sustained (weeks later - before),1.5,2');

    const byTag = await fetch(`${url}/api/reports/follow-ups/0.csv`, { headers: { [devUserHeader]: slt.aadObjectId } });
    expect(byTag.status).toBe(200);
    const rows = (await byTag.text()).split('\r\n');
    expect(rows.find((r) => r.includes(',all,all,'))).toMatch(/,all,all,3,2,0\.6667,1,1\.5,3\.5,3,1\.5,2,$/);
    expect(rows.filter((r) => r.includes(',standard,') || r.includes(',priority,'))).toHaveLength(2);
    expect((await fetch(`${url}/api/reports/follow-ups/0.csv`, { headers: { [devUserHeader]: ailsa.aadObjectId } })).status).toBe(403);

    const dashboard = (await (await fetch(`${url}/api/tab/dashboard`, { headers: { [devUserHeader]: slt.aadObjectId } })).json()) as {
      offers: Array<{ offerId: string; impact: { followUp: { asked: number; responses: number; breakdown: { confidence: { sustainedChange: { mean: number; n: number } } } } } }>;
    };
    expect(dashboard.offers.find((o) => o.offerId === offerId)?.impact.followUp).toMatchObject({ asked: 3, responses: 2, breakdown: { confidence: { sustainedChange: { mean: 1.5, n: 2 } } } });

    // Closed three weeks after it opened.
    clock.set(new Date(offer.endsAt.getTime() + 7 * WEEK + HOUR));
    const late = await sendToBot(url, personalCardAction(bed.world, dana, 'followUp.submit.v1', { offerId, ...followUp() }));
    expect(text(late.body.value)).toContain('Follow-up has closed');
  });
});

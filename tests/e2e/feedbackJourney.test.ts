import { devUserHeader } from '../../bot/http/auth/identify';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { createOfferThroughCard, noQuietHours, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';
import { channelCardAction, member, Member, personalCardAction, personalMessage, sendToBot } from '../support/teamsActivities';
import { FakeClock } from '../factories';
import { gtcsStandardAreas } from '../../bot/domain/tags';

const staffA = member('fb-a', 'Alex Attender');
const staffB = member('fb-b', 'Bea Absent');
const text = (card: unknown) => JSON.stringify(card) ?? '';
const HOUR = 3_600_000;

/** The real server on a clock the test moves: the offer is created in the future, then time passes to after it. */
function startJourneyTestbed(clock: FakeClock): Promise<Testbed> {
  return startTestbed({ clock, env: noQuietHours });
}

/** Cards the bot sent on its own initiative to a person's 1:1 chat, newest last. */
function proactiveCardsTo(bed: Testbed, person: Member): unknown[] {
  const conversations = bed.connector
    .conversationsCreated()
    .filter((c) => c.body?.members?.[0]?.id === person.teamsId)
    .map((c) => c.responseId as string);
  return conversations.flatMap((id) => bed.connector.sentTo(id)).map((c) => c.body?.attachments?.[0]?.content);
}

function lastReplyTo(bed: Testbed, person: Member): unknown {
  return bed.connector.sentTo(`a:personal-${person.aadObjectId}`).at(-1)?.body?.attachments?.[0]?.content;
}

const answers = (overrides: Record<string, string> = {}) => ({
  cardVersion: 1,
  value: '5',
  knowledgeBefore: '2',
  knowledgeAfter: '4',
  understandingBefore: '2',
  understandingAfter: '3',
  confidenceBefore: '1',
  confidenceAfter: '4',
  practiceChange: 'Plan hinge questions into every lesson.',
  relatedGoal: 'none',
  anonymous: 'true',
  ...overrides,
});

describe('after the session: attendance, feedback and the impact report', () => {
  let bed: Testbed;
  const clock = new FakeClock(new Date());
  beforeEach(async () => {
    clock.set(new Date());
    bed = await startJourneyTestbed(clock);
  });
  afterEach(() => bed.close());

  it('the facilitator marks attendance, the attendee is asked for feedback and answers, SLT sees the report and CSV', async () => {
    const url = bed.server.url;
    await setUpSchool(bed);
    const { offerId, card } = await createOfferThroughCard(bed, { capacity: '5' });
    for (const person of [staffA, staffB]) await sendToBot(url, channelCardAction(bed.world, person, card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    const offer = (await bed.server.stores.offers.findOffer(offerId))!;

    // Before the session there is nothing to mark.
    await sendToBot(url, personalMessage(bed.world, slt, 'attendance'));
    expect(text(lastReplyTo(bed, slt))).toContain('There are no recent sessions for you to mark.');

    clock.set(new Date(offer.startsAt.getTime() + 30 * 60_000));
    await sendToBot(url, personalMessage(bed.world, slt, 'attendance'));
    const list = lastReplyTo(bed, slt);
    expectValidAdaptiveCard(list);
    expect(text(list)).toContain('"verb":"attendance.open.v1"');

    const opened = await sendToBot(url, personalCardAction(bed.world, slt, 'attendance.open.v1', { cardVersion: 1, offerId }));
    expectValidAdaptiveCard(opened.body.value);
    const toggles = (opened.body.value.body as Array<Record<string, string>>).filter((e) => e.type === 'Input.Toggle');
    expect(toggles.map((t) => [t.title, t.valueOn])).toEqual([
      [staffA.name, staffA.aadObjectId],
      [staffB.name, staffB.aadObjectId],
    ]);

    const refused = await sendToBot(url, personalCardAction(bed.world, staffB, 'attendance.record.v1', { cardVersion: 1, offerId, attended_0: staffB.aadObjectId, attended_1: staffB.aadObjectId }));
    expect(text(refused.body.value)).toContain('Only the facilitator or SLT');

    const saved = await sendToBot(url, personalCardAction(bed.world, slt, 'attendance.record.v1', { cardVersion: 1, offerId, attended_0: staffA.aadObjectId, attended_1: '' }));
    expectValidAdaptiveCard(saved.body.value);
    expect(text(saved.body.value)).toContain('Saved: 1 of 2 attended');

    // The attendee has a CLPL goal in the tab; the feedback form offers it.
    const tab = (path: string, init: { method?: string; body?: unknown } = {}) =>
      fetch(`${url}${path}`, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json', [devUserHeader]: staffA.aadObjectId }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const created = await tab('/api/tab/goals', { method: 'POST', body: { title: 'Questioning goal', successCriteria: '', standardArea: gtcsStandardAreas[2], targetDate: null } });
    expect(created.status).toBe(201);
    const goalId = ((await created.json()) as { goal: { id: string } }).goal.id;

    // An hour after the end the feedback request goes to the attendee only.
    clock.set(new Date(offer.endsAt.getTime() + HOUR));
    await bed.server.settle();
    const requests = proactiveCardsTo(bed, staffA).filter((c) => text(c).includes('How was the session?'));
    expect(requests).toHaveLength(1);
    expectValidAdaptiveCard(requests[0]);
    expect(text(requests[0])).toContain(`{"title":"Questioning goal","value":"${goalId}"}`);
    expect(proactiveCardsTo(bed, staffB).filter((c) => text(c).includes('How was the session?'))).toHaveLength(0);

    const outOfRange = await sendToBot(url, personalCardAction(bed.world, staffA, 'feedback.submit.v1', { offerId, ...answers({ value: '9', confidenceAfter: '' }) }));
    expectValidAdaptiveCard(outOfRange.body.value);
    expect(text(outOfRange.body.value)).toContain('Please check the highlighted answers. Nothing has been saved yet.');
    expect(text(outOfRange.body.value)).toContain('Plan hinge questions into every lesson.');
    expect(await bed.server.stores.evidence.feedbackFor(offerId)).toEqual([]);

    // A goal named as free text (an old card) or someone else's goal id is refused; the form comes back with the choice.
    const freeText = await sendToBot(url, personalCardAction(bed.world, staffA, 'feedback.submit.v1', { offerId, ...answers({ relatedGoal: 'My questioning goal' }) }));
    expectValidAdaptiveCard(freeText.body.value);
    expect(text(freeText.body.value)).toContain('Choose one of your own CLPL goals from the list, or leave it blank.');
    expect(text(freeText.body.value)).toContain(`{"title":"Questioning goal","value":"${goalId}"}`);
    expect(await bed.server.stores.evidence.feedbackFor(offerId)).toEqual([]);

    const thanked = await sendToBot(url, personalCardAction(bed.world, staffA, 'feedback.submit.v1', { offerId, ...answers({ relatedGoal: goalId }) }));
    expectValidAdaptiveCard(thanked.body.value);
    expect(text(thanked.body.value)).toContain('Thank you for your feedback');

    const edit = await sendToBot(url, personalCardAction(bed.world, staffA, 'feedback.edit.v1', { cardVersion: 1, offerId }));
    expect(text(edit.body.value)).toContain('Save my changes');
    expect(text(edit.body.value)).toContain(`"id":"relatedGoal","label":"Which of your CLPL goals does it relate to? (optional)","style":"compact","placeholder":"Choose a goal (optional)","value":"${goalId}"`);
    await sendToBot(url, personalCardAction(bed.world, staffA, 'feedback.submit.v1', { offerId, ...answers({ value: '4', relatedGoal: goalId }) }));
    expect(await bed.server.stores.evidence.feedbackFor(offerId)).toEqual([expect.objectContaining({ value: 4, anonymous: true, relatedGoalId: goalId })]);
    const goals = (await (await tab('/api/tab/goals')).json()) as { goals: Array<{ id: string; evidence: unknown[] }> };
    expect(goals.goals.find((g) => g.id === goalId)?.evidence).toEqual([{ kind: 'feedback', ref: offerId, label: `Feedback: ${offer.title}` }]);

    const notAttendee = await sendToBot(url, personalCardAction(bed.world, staffB, 'feedback.submit.v1', { offerId, ...answers() }));
    expect(text(notAttendee.body.value)).toContain('Feedback is for attendees');

    await sendToBot(url, personalMessage(bed.world, staffA, 'my hours'));
    expect(text(lastReplyTo(bed, staffA))).toContain('1 of 35 hours (2%)');

    await sendToBot(url, personalMessage(bed.world, slt, 'report'));
    const menu = lastReplyTo(bed, slt);
    expectValidAdaptiveCard(menu);
    expect(text(menu)).toContain(offer.title);
    const report = await sendToBot(url, personalCardAction(bed.world, slt, 'report.offer.v1', { cardVersion: 1, offerId }));
    expectValidAdaptiveCard(report.body.value);
    expect(text(report.body.value)).toContain('1 of 1 (100%)');
    expect(text(report.body.value)).toContain('Too few responses to show');
    expect(text(report.body.value)).not.toContain('hinge questions');
    const staffReport = await sendToBot(url, personalCardAction(bed.world, staffA, 'report.offer.v1', { cardVersion: 1, offerId }));
    expect(text(staffReport.body.value)).toContain('Only senior leaders can do that');

    const csv = await fetch(`${url}/api/reports/offers/${offerId}.csv`, { headers: { [devUserHeader]: slt.aadObjectId } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const body = await csv.text();
    expect(body).toContain('counts,attended,1,');
    expect(body).toContain('note,too few responses to show');
    expect((await fetch(`${url}/api/reports/offers/${offerId}.csv`, { headers: { [devUserHeader]: staffA.aadObjectId } })).status).toBe(403);
    expect((await fetch(`${url}/api/reports/offers/${offerId}.csv`)).status).toBe(401);

    const year = await fetch(`${url}/api/reports/periods/0.csv`, { headers: { [devUserHeader]: slt.aadObjectId } });
    expect(await year.text()).toContain(`${staffA.aadObjectId},${staffA.name},all,all,1,1`);
  });
});

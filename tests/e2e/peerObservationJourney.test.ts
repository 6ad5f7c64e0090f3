import { DateTime } from 'luxon';
import { devUserHeader } from '../../bot/http/auth/identify';
import { gtcsStandardAreas } from '../../bot/domain/tags';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, noQuietHours, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';
import { parseIcs } from '../support/icsParser';
import { channelMention, member, Member, personalCardAction, personalMessage, sendToBot } from '../support/teamsActivities';
import { FakeClock } from '../factories';

const ann = member('obs-ann', 'Ann Host');
const bob = member('obs-bob', 'Bob Visitor');
const eve = member('obs-eve', 'Eve Elsewhere');
const text = (card: unknown) => JSON.stringify(card) ?? '';
const MINUTE = 60_000;

/** Cards the bot sent a person 1:1: in chats it created, or in the person's own chat with it. */
function proactiveCardsTo(bed: Testbed, person: Member): any[] {
  const chats = bed.connector.conversationsCreated().filter((c) => c.body?.members?.[0]?.id === person.teamsId).map((c) => c.responseId as string);
  return [...chats, `a:personal-${person.aadObjectId}`].flatMap((id) => bed.connector.sentTo(id)).map((c) => c.body?.attachments?.[0]?.content);
}

function lastReplyTo(bed: Testbed, person: Member): any {
  return bed.connector.sentTo(`a:personal-${person.aadObjectId}`).at(-1)?.body?.attachments?.[0]?.content;
}

describe('peer observation through the real endpoint: from request to both reflections and hours', () => {
  let bed: Testbed;
  const clock = new FakeClock(new Date('2026-11-02T09:00:00Z'));
  beforeEach(async () => {
    clock.set(new Date('2026-11-02T09:00:00Z'));
    bed = await startTestbed({ clock, env: noQuietHours });
    await setUpSchool(bed);
    for (const who of [ann, bob, eve]) await sendToBot(bed.server.url, channelMention(bed.world, who, clplChannel, 'hello'));
  });
  afterEach(() => bed.close());

  async function act(who: Member, verb: string, data: Record<string, unknown>): Promise<any> {
    const response = await sendToBot(bed.server.url, personalCardAction(bed.world, who, verb, { cardVersion: 1, ...data }));
    expect(response.status).toBe(200);
    expectValidAdaptiveCard(response.body.value);
    return response.body.value;
  }

  async function feedOf(who: Member) {
    await sendToBot(bed.server.url, personalMessage(bed.world, who, 'my calendar'));
    const card = lastReplyTo(bed, who);
    const url = card.actions.find((a: { type: string }) => a.type === 'Action.OpenUrl').url as string;
    return parseIcs(await (await fetch(url)).text()).events;
  }

  it('request, accept, both calendars, the visit, both reflect (one as goal evidence), hours for both; a third person is refused', async () => {
    const url = bed.server.url;
    await sendToBot(url, personalMessage(bed.world, ann, 'observe'));
    const form = lastReplyTo(bed, ann);
    expectValidAdaptiveCard(form);
    expect(text(form)).toContain(bob.name);
    expect(text(form)).not.toContain(`"title":"${ann.name}"`);

    const day = DateTime.fromJSDate(clock.now()).setZone('Europe/London').plus({ days: 3 }).toISODate()!;
    const values = { kind: 'request', colleague: bob.aadObjectId, focus: 'standard:2', date: day, startTime: '10:00', endTime: '10:50', place: 'S2 maths, room 12' };
    const wrong = await act(ann, 'observation.arrange.v1', { ...values, focus: 'standard:99' });
    expect(text(wrong)).toContain('Choose a focus from the list.');
    const sent = await act(ann, 'observation.arrange.v1', values);
    expect(text(sent)).toContain(`Sent to ${bob.name}`);
    await bed.server.settle();

    const invite = proactiveCardsTo(bed, bob).find((c) => text(c).includes('observation.accept.v1'));
    expectValidAdaptiveCard(invite);
    expect(text(invite)).toContain(`${ann.name} asks to visit your lesson`);
    expect(text(invite)).toContain(gtcsStandardAreas[2]);
    const observationId = invite.actions[0].data.observationId as string;

    expect(text(await act(eve, 'observation.accept.v1', { observationId }))).toContain('Not your peer observation');
    expect(text(await act(ann, 'observation.accept.v1', { observationId }))).toContain('Not your peer observation');
    expect(text(await act(bob, 'observation.accept.v1', { observationId }))).toContain('Accepted');
    expect(text(await act(bob, 'observation.decline.v1', { observationId }))).toContain('Already decided');
    await bed.server.settle();
    expect(proactiveCardsTo(bed, ann).map(text).join()).toContain(`${bob.name} accepted your peer observation`);

    // Both get the visit in their calendar feed.
    for (const [who, summary] of [[ann, `Peer observation: visiting ${bob.name}`], [bob, `Peer observation: ${ann.name} visits`]] as const) {
      const events = await feedOf(who);
      expect(events.map((e) => [e.summary, e.status])).toEqual([[summary, 'CONFIRMED']]);
      expect(events[0]!.localStart).toMatch(/T10:00:00$/);
    }

    // Before the visit nobody can reflect.
    expect(text(await act(ann, 'observation.reflectForm.v1', { observationId }))).toContain('Not open for reflection');

    // Bob has a goal; his reflection card offers it.
    const tab = (who: Member, path: string, init: { method?: string; body?: unknown } = {}) =>
      fetch(`${url}${path}`, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json', [devUserHeader]: who.aadObjectId }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const created = await tab(bob, '/api/tab/goals', { method: 'POST', body: { title: 'Open my classroom', successCriteria: '', standardArea: gtcsStandardAreas[2], targetDate: null } });
    expect(created.status).toBe(201);
    const goalId = ((await created.json()) as { goal: { id: string } }).goal.id;

    const visit = (await bed.server.stores.peerObservations.findObservation(observationId))!;
    clock.set(new Date(visit.endsAt.getTime() + 61 * MINUTE));
    await bed.server.settle();
    const annsRequest = proactiveCardsTo(bed, ann).find((c) => text(c).includes('observation.reflect.v1'));
    const bobsRequest = proactiveCardsTo(bed, bob).find((c) => text(c).includes('observation.reflect.v1'));
    for (const card of [annsRequest, bobsRequest]) expectValidAdaptiveCard(card);
    expect(text(annsRequest)).toContain(`Your visit to ${bob.name}'s lesson`);
    expect(text(bobsRequest)).toContain(`{"title":"Open my classroom","value":"${goalId}"}`);

    // A third person can neither answer nor read.
    expect(text(await act(eve, 'observation.reflect.v1', { observationId, noticed: 'I was not there' }))).toContain('Not your peer observation');
    const refusedRead = await act(eve, 'observation.read.v1', { observationId });
    expect(text(refusedRead)).toContain('Not your peer observation');
    expect(text(refusedRead)).toContain('for the two colleagues taking part only');

    const empty = await act(ann, 'observation.reflect.v1', { observationId, noticed: '   ', takeaway: '' });
    expect(text(empty)).toContain('Describe what you noticed during the visit.');
    expect(text(await act(ann, 'observation.reflect.v1', { observationId, noticed: 'Pupils explained their reasoning in pairs before answering.', takeaway: 'Try paired talk in S1.' }))).toContain('your reflection is saved');
    const readEarly = await act(bob, 'observation.read.v1', { observationId });
    expect(text(readEarly)).toContain('Write your own reflection first');
    expect(text(readEarly)).not.toContain('Pupils explained');

    expect(text(await act(bob, 'observation.reflect.v1', { observationId, noticed: 'Ann noticed the quieter group at the back.', takeaway: '', goalId }))).toContain('your reflection is saved');
    const read = await act(bob, 'observation.read.v1', { observationId });
    expect(text(read)).toContain('Pupils explained their reasoning');
    expect(text(read)).toContain('Your reflection');
    expect(text(await act(eve, 'observation.read.v1', { observationId }))).not.toContain('Pupils explained');

    const goals = (await (await tab(bob, '/api/tab/goals')).json()) as { goals: Array<{ id: string; evidence: unknown[] }> };
    expect(goals.goals.find((g) => g.id === goalId)?.evidence).toEqual([{ kind: 'peer_observation', ref: observationId, label: `Peer observation: ${gtcsStandardAreas[2]}` }]);

    // 50 minutes each, toward both people's hours.
    for (const who of [ann, bob]) {
      await sendToBot(url, personalMessage(bed.world, who, 'my hours'));
      const hours = lastReplyTo(bed, who);
      expectValidAdaptiveCard(hours);
      expect(text(hours)).toContain('0.83 of 35 hours');
      expect(text(hours)).toContain('Peer observation');
    }
    // The tab's record counts it too, as a number.
    const record = (await (await tab(ann, '/api/tab/clpl')).json()) as { peerObservations: unknown; hours: { attendedHours: number; totalHours: number } };
    expect(record.peerObservations).toEqual({ reflected: 1, hours: 0.83 });
    expect(record.hours).toMatchObject({ attendedHours: 0.83, totalHours: 0.83 });
    expect(JSON.stringify(record)).not.toContain('Pupils explained');
    await sendToBot(url, personalMessage(bed.world, eve, 'my hours'));
    expect(text(lastReplyTo(bed, eve))).toContain('0 of 35 hours');

    // SLT see numbers per person, never the focus, the pairing or a word of a reflection; others are refused.
    const counts = await fetch(`${url}/api/reports/observations/0.csv`, { headers: { [devUserHeader]: slt.aadObjectId } });
    expect(counts.status).toBe(200);
    const csv = await counts.text();
    expect(csv).toContain(`${ann.aadObjectId},${ann.name},1,1,1,0.83`);
    expect(csv).toContain(`${bob.aadObjectId},${bob.name},1,1,1,0.83`);
    expect(csv).toContain(`${eve.aadObjectId},${eve.name},0,0,0,0`);
    for (const secret of ['Pupils explained', 'quieter group', 'paired talk', gtcsStandardAreas[2]!, 'room 12']) expect(csv).not.toContain(secret);
    expect((await fetch(`${url}/api/reports/observations/0.csv`, { headers: { [devUserHeader]: eve.aadObjectId } })).status).toBe(403);
  });

  it('"my observations" lists a person’s own visits with what they can do now, in the 1:1 chat only; the buttons work', async () => {
    const url = bed.server.url;
    const mine = async (who: Member) => {
      await sendToBot(url, personalMessage(bed.world, who, 'my observations'));
      const card = lastReplyTo(bed, who);
      expectValidAdaptiveCard(card);
      return card;
    };
    const buttons = (card: any) => card.body.filter((b: any) => b.type === 'Container').flatMap((c: any) => (c.items.find((i: any) => i.type === 'ActionSet')?.actions ?? []).map((a: any) => a.title));
    expect(text(await mine(eve))).toContain('No peer observations this school year');

    const day = DateTime.fromJSDate(clock.now()).setZone('Europe/London').plus({ days: 3 }).toISODate()!;
    await act(ann, 'observation.arrange.v1', { kind: 'offer', colleague: bob.aadObjectId, focus: 'priority:0', date: day, startTime: '13:00', endTime: '14:00', place: 'P4, room 2' });
    const bobs = await mine(bob);
    expect(text(bobs)).toContain(`Your visit to ${ann.name}'s lesson`);
    expect(text(bobs)).toContain(`${ann.name} asked you: accept or decline`);
    expect(buttons(bobs)).toEqual(['Accept', 'Decline', 'Cancel the visit']);
    expect(buttons(await mine(ann))).toEqual(['Cancel the visit']);
    expect(text(await mine(ann))).toContain(`Waiting for ${bob.name} to answer`);

    // Bob answers from the list itself.
    const accept = bobs.body.find((b: any) => b.type === 'Container').items.find((i: any) => i.type === 'ActionSet').actions[0];
    expect(text(await act(bob, accept.verb, accept.data))).toContain('Accepted');
    expect(text(await mine(ann))).toContain('"value":"Accepted"');
    // Someone else's list never shows it.
    expect(text(await mine(eve))).not.toContain(ann.name);

    const observationId = accept.data.observationId as string;
    const visit = (await bed.server.stores.peerObservations.findObservation(observationId))!;
    clock.set(new Date(visit.endsAt.getTime() + 5 * MINUTE));
    const afterVisit = await mine(ann);
    expect(text(afterVisit)).toContain('Visited: write your reflection to count it toward your hours');
    expect(buttons(afterVisit)).toEqual(['Write my reflection']);
    await act(ann, 'observation.reflect.v1', { observationId, noticed: 'Pupils used the word wall unprompted.', takeaway: '' });
    const reflected = await mine(ann);
    expect(text(reflected)).toContain('Reflected: 1 hour toward your CLPL hours');
    expect(text(reflected)).toContain('1 reflected on (1 hour toward your CLPL hours)');
    expect(buttons(reflected)).toEqual(['Change my reflection', 'Read reflections']);
    expect(text(reflected)).not.toContain('word wall');

    // In a channel it only says to ask 1:1, naming no visit.
    await sendToBot(url, channelMention(bed.world, ann, clplChannel, 'my observations'));
    const inChannel = bed.connector.sentTo(clplChannel.id).at(-1)?.body;
    expect(text(inChannel)).toContain('in our 1:1 chat');
    expect(text(inChannel)).not.toContain(bob.name);
  });
});

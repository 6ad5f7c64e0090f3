import { channelCardAction, member, personalCardAction, personalMessage, sendToBot } from '../support/teamsActivities';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { createOfferThroughCard, offerFormValues, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';
import { parseIcs } from '../support/icsParser';

const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;

describe('calendar downloads and the personal calendar feed', () => {
  let bed: Testbed;
  beforeEach(async () => {
    bed = await startTestbed();
    await setUpSchool(bed);
  });
  afterEach(() => bed.close());

  async function get(url: string) {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  }

  it('a confirmed person gets "Add to calendar"; the file follows edits (higher SEQUENCE) and cancellation', async () => {
    const posted = await createOfferThroughCard(bed, { capacity: '1', startTime: '15:45', endTime: '16:45' });
    const alex = member('alex', 'Alex Teacher');
    const signedUp = await sendToBot(bed.server.url, channelCardAction(bed.world, alex, posted.card, 'offer.signUp.v1', { cardVersion: 1, offerId: posted.offerId }));
    const personal = signedUp.body.value;
    expectValidAdaptiveCard(personal);
    const addToCalendar = personal.actions.find((a: { title?: string }) => a.title === 'Add to calendar');
    expect(addToCalendar.type).toBe('Action.OpenUrl');
    expect(addToCalendar.url).toMatch(new RegExp(`^${bed.server.url}/calendar/[A-Za-z0-9_-]{43}/sessions/`));

    const first = await get(addToCalendar.url);
    expect(first.status).toBe(200);
    expect(first.type).toContain('text/calendar');
    const [event] = parseIcs(first.body).events;
    expect(event).toMatchObject({ tzid: 'Europe/London', status: 'CONFIRMED', summary: 'Questioning for deeper learning', location: 'Room 12' });
    expect(event!.localStart).toMatch(/T15:45:00$/);

    await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'offer.update.v1', { ...offerFormValues({ capacity: '1', startTime: '14:00', endTime: '15:00' }), offerId: posted.offerId }));
    const [moved] = parseIcs((await get(addToCalendar.url)).body).events;
    expect(moved!.uid).toBe(event!.uid);
    expect(moved!.sequence).toBeGreaterThan(event!.sequence);
    expect(moved!.localStart).toMatch(/T14:00:00$/);

    await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'offer.cancel.confirm.v1', { cardVersion: 1, offerId: posted.offerId }));
    const [cancelled] = parseIcs((await get(addToCalendar.url)).body).events;
    expect(cancelled).toMatchObject({ uid: event!.uid, status: 'CANCELLED' });
    expect(cancelled!.sequence).toBeGreaterThan(moved!.sequence);
    await bed.server.settle();
  });

  it('"my calendar" gives a private feed listing confirmed sessions and waitlist places (TENTATIVE)', async () => {
    const roomy = await createOfferThroughCard(bed, { title: 'Outdoor learning', capacity: '5' });
    const full = await createOfferThroughCard(bed, { title: 'Assessment is for learning', capacity: '1' });
    const bea = member('bea', 'Bea Teacher');
    const other = member('other', 'Other Teacher');
    await sendToBot(bed.server.url, channelCardAction(bed.world, other, full.card, 'offer.signUp.v1', { cardVersion: 1, offerId: full.offerId }));
    for (const posted of [roomy, full]) {
      await sendToBot(bed.server.url, channelCardAction(bed.world, bea, posted.card, 'offer.signUp.v1', { cardVersion: 1, offerId: posted.offerId }));
    }

    await sendToBot(bed.server.url, personalMessage(bed.world, bea, 'my calendar'));
    const card = cardOf(bed.connector.sentTo(`a:personal-${bea.aadObjectId}`).at(-1));
    expectValidAdaptiveCard(card);
    const feedUrl = card.actions.find((a: { type: string }) => a.type === 'Action.OpenUrl').url as string;
    expect(feedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\/clpl\.ics$/);

    const feed = await get(feedUrl);
    expect(feed.status).toBe(200);
    const events = parseIcs(feed.body).events;
    expect(events.map((e) => [e.summary, e.status]).sort()).toEqual([
      ['Assessment is for learning', 'TENTATIVE'],
      ['Outdoor learning', 'CONFIRMED'],
    ]);
  });

  it('a wrong, malformed or renewed token, or a session not on the feed, is a plain 404', async () => {
    const posted = await createOfferThroughCard(bed);
    const cal = member('cal', 'Cal Teacher');
    await sendToBot(bed.server.url, personalMessage(bed.world, cal, 'my calendar'));
    const feedUrl = cardOf(bed.connector.sentTo(`a:personal-${cal.aadObjectId}`).at(-1)).actions[0].url as string;
    const base = feedUrl.replace(/\/calendar\/.*$/, '');
    const token = feedUrl.match(/\/calendar\/([^/]+)\//)![1]!;

    expect((await get(`${base}/calendar/${'A'.repeat(43)}/clpl.ics`)).status).toBe(404);
    expect((await get(`${base}/calendar/short/clpl.ics`)).status).toBe(404);
    // Cal is not signed up for this offer: their own token does not open it.
    expect((await get(`${base}/calendar/${token}/sessions/${posted.offerId}.ics`)).status).toBe(404);

    const renewed = await sendToBot(bed.server.url, personalCardAction(bed.world, cal, 'calendar.renew.v1', { cardVersion: 1 }));
    expectValidAdaptiveCard(renewed.body.value);
    expect(JSON.stringify(renewed.body.value)).toContain('This is a new address');
    expect((await get(feedUrl)).status).toBe(404);
    expect((await get(renewed.body.value.actions[0].url)).status).toBe(200);
  });
});

import { recordLinksUnavailableCard } from '../../bot/adapters/teams/cards/recordLinksCard';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { channelCardAction, channelMention, member, personalMessage, sendToBot } from '../support/teamsActivities';
import { clplChannel, createOfferThroughCard, setUpSchool, startTestbed, Testbed } from '../support/clplTestbed';

const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;

describe('"my record" through the bot endpoint', () => {
  let bed: Testbed;
  let now = Date.now();
  const clock = { now: () => new Date(now) };
  const bea = member('bea', 'Bea Teacher');

  beforeEach(async () => {
    now = Date.now();
    bed = await startTestbed({ clock });
    await setUpSchool(bed);
  });
  afterEach(() => bed.close());

  async function recordLinks(): Promise<Record<string, string>> {
    await sendToBot(bed.server.url, personalMessage(bed.world, bea, 'my record'));
    const card = cardOf(bed.connector.sentTo(`a:personal-${bea.aadObjectId}`).at(-1));
    expectValidAdaptiveCard(card);
    return Object.fromEntries(card.actions.map((a: { title: string; url: string }) => [a.title, a.url]));
  }

  it('answers 1:1 with short-lived links to the person’s own record, JSON, page and MyPL entries', async () => {
    const posted = await createOfferThroughCard(bed, { title: 'Outdoor learning' });
    await sendToBot(bed.server.url, channelCardAction(bed.world, bea, posted.card, 'offer.signUp.v1', { cardVersion: 1, offerId: posted.offerId }));

    const links = await recordLinks();
    expect(Object.keys(links)).toEqual(['Readable record', 'Record as JSON', 'MyPL entries (CSV)', 'MyPL entries (printable)']);
    for (const url of Object.values(links)) expect(url).toMatch(new RegExp(`^${bed.server.url}/records/[A-Za-z0-9_-]{43}/(record|mypl)\\.(json|html|csv)$`));

    const json = await fetch(links['Record as JSON']!);
    expect(json.status).toBe(200);
    const record = await json.json();
    expect(record.person).toEqual({ id: bea.aadObjectId, name: bea.name });
    expect(record.signUps).toEqual([expect.objectContaining({ session: expect.objectContaining({ offerId: posted.offerId, title: 'Outdoor learning' }), status: 'confirmed', queueNumber: 1 })]);
    expect(record.reachability.conversationAddressHeld).toBe(true);

    const page = await fetch(links['Readable record']!);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('CLPL record: Bea Teacher');
    expect((await fetch(links['MyPL entries (CSV)']!)).headers.get('content-type')).toContain('text/csv');
    expect((await fetch(links['MyPL entries (printable)']!)).status).toBe(200);

    const downloads = (await bed.server.stores.subjectAccess.personalDataOf(bea.aadObjectId)).downloads;
    expect(downloads.map((d) => [d.requesterId, d.format])).toEqual([
      [bea.aadObjectId, 'record.json'],
      [bea.aadObjectId, 'record.html'],
      [bea.aadObjectId, 'mypl.csv'],
      [bea.aadObjectId, 'mypl.html'],
    ]);
  });

  it('links stop working after 15 minutes; an unknown or malformed link is a plain 404', async () => {
    const links = await recordLinks();
    const url = links['Record as JSON']!;
    now += 14 * 60_000;
    expect((await fetch(url)).status).toBe(200);
    now += 60_000;
    const expired = await fetch(url);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('say "my record"');
    const base = url.replace(/\/records\/.*$/, '');
    expect((await fetch(`${base}/records/${'A'.repeat(43)}/record.json`)).status).toBe(404);
    expect((await fetch(`${base}/records/short/record.json`)).status).toBe(404);
    const fresh = (await recordLinks())['Record as JSON']!;
    expect((await fetch(fresh.replace(/record\.json$/, 'secrets.txt'))).status).toBe(404);
    expect(fresh).not.toBe(url);
  });

  it('asked in a channel, it gives no links there and says to ask 1:1', async () => {
    await sendToBot(bed.server.url, channelMention(bed.world, bea, clplChannel, 'my record'));
    const replies = bed.connector.calls.filter((c) => c.method === 'POST' && c.path.includes('/activities') && JSON.stringify(c.body).includes('my record'));
    expect(replies.map((c) => c.body.text)).toEqual(['Say "my record" to me in our 1:1 chat: your download links are just for you.']);
    expect(JSON.stringify(bed.connector.calls)).not.toContain('/records/');
  });

  it('without a public address the card sends the person to the tab instead', () => {
    const card = recordLinksUnavailableCard();
    expectValidAdaptiveCard(card);
    expect(JSON.stringify(card)).toContain('My CLPL tab');
  });
});

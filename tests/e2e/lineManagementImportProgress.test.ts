import { createGraphClient } from '../../bot/adapters/graph/graphClient';
import { GraphPeopleDirectory } from '../../bot/adapters/graph/graphPeopleDirectory';
import { PeopleDirectory } from '../../bot/ports/peopleDirectory';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { setUpSchool, slt, startTestbed, team, Testbed } from '../support/clplTestbed';
import { GraphDirectoryStandIn } from '../support/graphDirectoryStandIn';
import { personalCardAction, sendToBot } from '../support/teamsActivities';

const text = (value: unknown) => JSON.stringify(value) ?? '';
/** The `line managers` card SLT clicked Import on, in their 1:1 chat with the bot. */
const cardId = 'line-managers-card-1';
const conversationId = `a:personal-${slt.aadObjectId}`;

/** Staff 1..n, each line-managed by the head: n + 1 addresses the school has not seen, all known to Graph. */
function csvOf(graph: GraphDirectoryStandIn, n: number, domain = 'balerno.scot'): string {
  graph.users.set(`head@${domain}`, { id: `u-head-${domain}`, displayName: 'Hazel Head' });
  const lines = ['staff,line manager'];
  for (let i = 1; i <= n; i++) {
    graph.users.set(`staff${i}@${domain}`, { id: `u-staff${i}-${domain}`, displayName: `Staff ${i}` });
    lines.push(`staff${i}@${domain},head@${domain}`);
  }
  return lines.join('\n');
}

describe('a long line-management import shows its progress on the card', () => {
  let bed: Testbed;
  let graph: GraphDirectoryStandIn;

  async function start(people?: PeopleDirectory): Promise<void> {
    graph = await new GraphDirectoryStandIn().start();
    const client = createGraphClient({ baseUrl: graph.url, getToken: async () => graph.token, retryDelaySeconds: 0.05, maxRetries: 2 });
    bed = await startTestbed({ people: people ?? new GraphPeopleDirectory({ client }) });
    await setUpSchool(bed);
  }
  afterEach(async () => {
    await bed.close();
    await graph.stop();
  });

  const importCsv = (csv: string) => sendToBot(bed.server.url, { ...personalCardAction(bed.world, slt, 'lineManagement.import.v1', { cardVersion: 1, csv }), replyToId: cardId });
  const updates = () => bed.connector.updatesOf(cardId);

  it('a 60-address import answers at once with the Importing card, updates that card in place with progress, and ends imported with the map stored', async () => {
    await start();
    // 4 lookups at a time, 250 ms each: about 4 s in all, longer than one progress interval.
    graph.userLookupDelayMs = 250;
    const started = Date.now();
    const answer = await importCsv(csvOf(graph, 59));

    expect(Date.now() - started).toBeLessThan(1500);
    expect(text(answer.body.value)).toContain('Importing: looking up 60 addresses…');
    expectValidAdaptiveCard(answer.body.value);
    expect(await bed.server.stores.reflections.lineManagement(team.id)).toEqual([]);

    await bed.server.settle();
    expect(updates().length).toBeGreaterThanOrEqual(2);
    expect(updates().every((u) => u.path === `/v3/conversations/${encodeURIComponent(conversationId)}/activities/${cardId}`)).toBe(true);
    expect(text(updates()[0]!.body)).toMatch(/Importing: looked up \d+ of 60 addresses…/);
    expect(text(updates().at(-1)!.body)).toContain('Imported 59 line-management pairs.');
    updates().forEach((u) => expectValidAdaptiveCard(u.body.attachments[0].content));
    expect(await bed.server.stores.reflections.lineManagement(team.id)).toHaveLength(59);
  });

  it('a 60-address import with an address Graph does not know ends with the per-line problems on the card, and nothing is stored', async () => {
    await start();
    const csv = `${csvOf(graph, 58)}\nnobody@balerno.scot,head@balerno.scot`;
    expect(text((await importCsv(csv)).body.value)).toContain('Importing: looking up 60 addresses…');

    await bed.server.settle();
    const last = text(updates().at(-1)!.body);
    expect(last).toContain('The line-management CSV needs another look. Nothing was changed.');
    expect(last).toContain('line 60: staff \\"nobody@balerno.scot\\": unknown email');
    expect(await bed.server.stores.reflections.lineManagement(team.id)).toEqual([]);
    expect((await bed.server.stores.schools.listMembers(team.id)).some((m) => m.id.startsWith('u-staff'))).toBe(false);
  });

  it('a directory failure mid-import ends with a friendly message on the card, no stack trace, and nothing stored', async () => {
    const failing: PeopleDirectory = {
      findByEmails: async (_emails, onProgress) => {
        onProgress?.(1);
        throw new Error('socket hang up\n    at TLSSocket.onend (node:_tls_wrap:1)');
      },
    };
    await start(failing);
    expect(text((await importCsv(csvOf(graph, 30))).body.value)).toContain('Importing: looking up 31 addresses…');

    await bed.server.settle();
    const last = text(updates().at(-1)!.body);
    expect(last).toContain('The directory could not be reached to look up email addresses. Nothing was changed.');
    expect(last).not.toMatch(/socket hang up|node:_tls_wrap/);
    expect(await bed.server.stores.reflections.lineManagement(team.id)).toEqual([]);
  });

  it('a small import still answers directly with its result, without updating the card later', async () => {
    await start();
    const answer = await importCsv(csvOf(graph, 3));
    expect(text(answer.body.value)).toContain('Imported 3 line-management pairs.');
    await bed.server.settle();
    expect(updates()).toEqual([]);
    expect(await bed.server.stores.reflections.lineManagement(team.id)).toHaveLength(3);
  });

  it('a second import while one is running for the school is refused politely, and the first one completes', async () => {
    await start();
    graph.userLookupDelayMs = 100;
    expect(text((await importCsv(csvOf(graph, 59))).body.value)).toContain('Importing: looking up 60 addresses…');

    const second = await importCsv(csvOf(graph, 2, 'other.scot'));
    expect(text(second.body.value)).toContain('An import is already running for your school');
    await bed.server.settle();
    expect(text(updates().at(-1)!.body)).toContain('Imported 59 line-management pairs.');
    expect(await bed.server.stores.reflections.lineManagement(team.id)).toHaveLength(59);
  });
});

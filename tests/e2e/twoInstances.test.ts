import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStores } from '../../bot/adapters/postgres/openPostgresStores';
import { openSqliteStores } from '../../bot/adapters/sqlite/openSqliteStores';
import { Stores } from '../../bot/ports/stores';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { BotConnectorStandIn } from '../support/botConnectorStandIn';
import { clplChannel, createOfferThroughCard, PostedOffer, setUpSchool, slt, team, Testbed } from '../support/clplTestbed';
import { Instance, startInstance } from '../support/instances';
import { describeWithPostgres, PostgresTestDatabase, TestSchema } from '../support/postgres';
import { channelCardAction, member, sendToBot, TeamsWorld } from '../support/teamsActivities';

/**
 * Scale-out: two real server processes (tests/support/instanceProcess.ts) share one database, and 200 people press
 * "Sign up" on the same channel card at once, half through each instance, for 20 places.
 */

/** One database the instances share, prepared (and migrated) by the test before they start. */
interface SharedDatabase {
  setUp(): Promise<void>;
  /** The store settings an instance is started with. */
  settings(): Record<string, string>;
  /** The test's own view of the same data. */
  open(): Promise<Stores>;
  tearDown(): Promise<void>;
}

const people = 200;
const places = 20;

describe('two server instances sharing one SQLite file', () => {
  let dir = '';
  twoInstances({
    async setUp() {
      dir = mkdtempSync(join(tmpdir(), 'clpl-two-instances-'));
    },
    settings: () => ({ SQLITE_FILE: join(dir, 'clpl.sqlite') }),
    open: () => openSqliteStores(join(dir, 'clpl.sqlite')),
    async tearDown() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  });
});

describeWithPostgres('two server instances sharing one PostgreSQL database', (database: PostgresTestDatabase) => {
  let schema: TestSchema | null = null;
  twoInstances({
    async setUp() {
      schema = await database.createSchema();
    },
    settings: () => ({ DATABASE_URL: schema!.url }),
    open: () => openPostgresStores(schema!.url),
    async tearDown() {
      await schema?.drop();
      schema = null;
    },
  });
});

function twoInstances(database: SharedDatabase): void {
  let connector: BotConnectorStandIn | null = null;
  let instances: Instance[] = [];
  let stores: Stores | null = null;
  let world: TeamsWorld;

  beforeAll(async () => {
    connector = await new BotConnectorStandIn({ channels: [{ id: team.id }, { id: clplChannel.id, name: clplChannel.name }] }).start();
    world = { serviceUrl: connector.url, tenantId: 'tenant-1', botId: '28:clpl-bot', team };
    await database.setUp();
    // Migrated here, once, so the instances start on a ready database (as a deployment's release step would).
    stores = await database.open();
    const settings = {
      CLPL_LOCAL: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      CLPL_SLT_IDS: slt.aadObjectId,
      LOG_LEVEL: 'warn',
      CLPL_TEST_CARD_SETTLE_MS: '10',
      ...database.settings(),
    };
    const started = await Promise.allSettled([startInstance(settings), startInstance(settings)]);
    instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    instances = [];
    await stores?.close();
    await connector?.stop();
    await database.tearDown();
  }, 30_000);

  /** Drives one instance through the real endpoint as the testbed helpers do. */
  const bedFor = (instance: Instance): Testbed => ({
    connector: connector!,
    world,
    server: { url: instance.url } as Testbed['server'],
    close: async () => undefined,
  });

  let offer: PostedOffer;

  it(`${people} people signing up at once through both instances for ${places} places: every answer is their own card, exactly ${places} confirmed and the rest waitlisted in queue order, as the database says`, async () => {
    const [first, second] = instances;
    if (!first || !second) throw new Error('the instances did not start');
    expect(first.pid).not.toBe(second.pid);
    expect(first.url).not.toBe(second.url);

    // Set up through one instance, the offer created through the other: both see the same school and channel.
    await setUpSchool(bedFor(first));
    offer = await createOfferThroughCard(bedFor(second), { capacity: String(places) });

    const staff = Array.from({ length: people }, (_, i) => member(i + 1));
    const answers = await Promise.all(
      staff.map(async (person, i) => {
        const via = i % 2 === 0 ? first : second;
        const response = await sendToBot(via.url, channelCardAction(world, person, offer.card, 'offer.signUp.v1', { cardVersion: 1, offerId: offer.offerId }));
        return { person, via, ...response };
      }),
    );

    const failures = answers.filter((a) => a.status !== 200).map((a) => `${a.person.aadObjectId} via ${a.via.url}: HTTP ${a.status} ${JSON.stringify(a.body)}`);
    // With the instances' error logs alongside, to say why.
    expect(failures.length === 0 ? [] : [...failures, ...errorLogs(first), ...errorLogs(second)]).toEqual([]);
    const told = new Map<string, Told>();
    for (const answer of answers) {
      expect(answer.body?.type).toBe('application/vnd.microsoft.card.adaptive');
      told.set(answer.person.aadObjectId, standingOnCard(answer.body.value));
    }
    const unexpected = [...told].filter(([, t]) => t.kind === 'other');
    expect(unexpected).toEqual([]);
    expect([...told.values()].filter((t) => t.kind === 'confirmed')).toHaveLength(places);
    const positions = [...told.values()].flatMap((t) => (t.kind === 'waitlisted' ? [t.position] : []));
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: people - places }, (_, i) => i + 1));
    expectValidAdaptiveCard(answers.find((a) => told.get(a.person.aadObjectId)?.kind === 'confirmed')!.body.value);
    expectValidAdaptiveCard(answers.find((a) => told.get(a.person.aadObjectId)?.kind === 'waitlisted')!.body.value);

    const stored = await stores!.offers.signUpsForOffer(offer.offerId);
    expect(stored).toHaveLength(people);
    expect(new Set(stored.map((s) => s.person.id))).toEqual(new Set(staff.map((p) => p.aadObjectId)));
    expect(new Set(stored.map((s) => s.queueNumber)).size).toBe(people);
    expect(stored.slice(0, places).map((s) => s.status)).toEqual(Array(places).fill('confirmed'));
    expect(stored.slice(places).map((s) => s.status)).toEqual(Array(people - places).fill('waitlisted'));
    // Everyone's card says what the database holds for them.
    const expected = new Map<string, Told>(stored.map((s, i) => [s.person.id, i < places ? { kind: 'confirmed' } : { kind: 'waitlisted', position: i - places + 1 }]));
    expect(told).toEqual(expected);
    expect((await stores!.offers.findOffer(offer.offerId))?.revision).toBe(people + 1);

    for (const instance of [first, second]) expect(errorLogs(instance)).toEqual([]);
  }, 90_000);

  it('the channel card settles on the final count, whichever instance redraws it', async () => {
    if (!offer) throw new Error('depends on the sign-ups above');
    // What the database holds now (the test above checks that it is 20 confirmed and 180 waiting).
    const stored = await stores!.offers.signUpsForOffer(offer.offerId);
    const waiting = stored.filter((s) => s.status === 'waitlisted').length;
    const final = waiting > 0 ? `Full (${places} places) · ${waiting} on the waitlist` : `Full (${places} places)`;
    const lastUpdate = () => JSON.stringify(connector!.updatesOf(offer.card.activityId).at(-1)?.body?.attachments?.[0]?.content ?? null);
    const deadline = Date.now() + 20_000;
    while (!lastUpdate().includes(final) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(lastUpdate()).toContain(final);
    // A burst is drawn as a handful of updates, not one per sign-up.
    expect(connector!.updatesOf(offer.card.activityId).length).toBeLessThan(people / 2);
    for (const instance of instances) expect(errorLogs(instance)).toEqual([]);
  }, 30_000);
}

type Told = { kind: 'confirmed' } | { kind: 'waitlisted'; position: number } | { kind: 'other'; text: string };

/** What the personal card answering a sign-up tells that person about their place. */
function standingOnCard(card: unknown): Told {
  const text = JSON.stringify(card) ?? '';
  if (text.includes("You're confirmed.")) return { kind: 'confirmed' };
  const waiting = text.match(/You're (\d+)(?:st|nd|rd|th) on the waitlist\./);
  if (waiting) return { kind: 'waitlisted', position: Number(waiting[1]) };
  return { kind: 'other', text: text.slice(0, 500) };
}

/** Node's own warnings (e.g. a dependency's deprecation notice), which are not the app's errors. */
const nodeWarning = /^\(node:\d+\) (\[\w+\] )?\w*Warning|^\(Use `node --trace-/;

/** What an instance wrote to stderr at level error or fatal (pino: 50, 60), or not as a log line at all. */
function errorLogs(instance: Instance): string[] {
  return instance
    .stderr()
    .split('\n')
    .filter((line) => {
      if (!line.startsWith('{')) return line.trim() !== '' && !nodeWarning.test(line);
      try {
        return (JSON.parse(line) as { level?: number }).level! >= 50;
      } catch {
        return true;
      }
    });
}

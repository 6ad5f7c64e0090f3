import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { concurrently } from '../bot/app/delivery/concurrently';
import { BotConnectorStandIn, RecordedCall, teamsLimits } from '../tests/support/botConnectorStandIn';
import { offerFormValues } from '../tests/support/clplTestbed';
import { Instance, startInstance } from '../tests/support/instances';
import { defaultTestDatabaseUrl, PostgresTestDatabase } from '../tests/support/postgres';
import { botAddedToTeam, channelCardAction, channelMention, member, personalCardAction, sendToBot, TeamsWorld } from '../tests/support/teamsActivities';

/**
 * A Regional Improvement Collaborative's offer at scale: two real server processes on one PostgreSQL database, an
 * offer posted by the collaborative's lead to every member school's CLPL channel through the Bot Connector stand-in
 * enforcing Teams' limits (it answers 429 as Teams would), then sign-ups from staff across those schools, half through
 * each instance. It checks what must hold (exactly `capacity` confirmed, no school above its quota, every card ends on
 * the final state, no 429 caused by us) and prints how fast: posting against the fastest the tenant limit allows,
 * sign-ups per second and their latency, and how long the cards took to converge.
 *
 *   npm run bench:collaborative -- [--schools 300] [--signups 2000] [--capacity 500] [--quota 2] [--concurrency 32]
 *
 * Uses DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) in a schema of its own, dropped afterwards.
 * A benchmark reports and never fails CI: the exit code is 0 unless something crashed; a broken rule prints FAIL.
 */

interface Options {
  schools: number;
  signups: number;
  capacity: number;
  quota: number;
  concurrency: number;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      schools: { type: 'string', default: '300' },
      signups: { type: 'string', default: '2000' },
      capacity: { type: 'string', default: '500' },
      quota: { type: 'string', default: '2' },
      concurrency: { type: 'string', default: '32' },
    },
  });
  const int = (name: keyof Options, min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
    return n;
  };
  return { schools: int('schools', 1), signups: int('signups', 1), capacity: int('capacity', 1), quota: int('quota', 1), concurrency: int('concurrency', 1) };
}

const tenantId = 'tenant-glow';
const botId = '28:clpl-bot';
const groupId = 'west-partnership';
/** Each school's own head teacher (one person for 300 schools would have their 1:1 chat's budget set the pace). */
const sltOf = (school: School) => member(`slt-${school.team.id.slice(8, 11)}`, `Head of ${school.team.name}`);
const lead = member('ric-lead', 'Rhona RIC Lead');
const tenantPerSecond = teamsLimits.perTenant[0]!.limit;

interface School {
  team: { id: string; name: string };
  channel: { id: string; name: string };
}

const schoolsOf = (n: number): School[] =>
  Array.from({ length: n }, (_, i) => {
    const id = String(i + 1).padStart(3, '0');
    return { team: { id: `19:team-${id}@thread.tacv2`, name: `School ${id} Staff` }, channel: { id: `19:clpl-${id}@thread.tacv2`, name: `S${id} CLPL` } };
  });

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cardOf = (call: RecordedCall | undefined) => call?.body?.attachments?.[0]?.content;

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const schools = schoolsOf(options.schools);
  const connector = await new BotConnectorStandIn({
    enforceLimits: true,
    channels: schools.flatMap((s) => [{ id: s.team.id, name: 'General' }, { id: s.channel.id, name: s.channel.name }]),
  }).start();
  const worldOf = (school: School): TeamsWorld => ({ serviceUrl: connector.url, tenantId, botId, team: school.team });

  const database = new PostgresTestDatabase(process.env.DATABASE_URL ?? defaultTestDatabaseUrl, 'bench:collaborative needs PostgreSQL');
  await database.connect();
  const schema = await database.createSchema();
  const dir = mkdtempSync(join(tmpdir(), 'clpl-collaborative-'));
  const groupsFile = join(dir, 'groups.json');
  // A collaborative of three authorities, each with a third of the schools (the collaborative reaches them through them).
  const authorities = ['east', 'north', 'south'].map((name, a) => ({
    id: `${name}-council`,
    name: `${name[0]!.toUpperCase()}${name.slice(1)} Council`,
    kind: 'authority',
    schools: schools.filter((_, i) => i % 3 === a).map((s) => s.team.id),
    leads: [`aad-${name}-lead`],
  }));
  const collaborative = { id: groupId, name: 'West Partnership', kind: 'collaborative', groups: authorities.map((g) => g.id), leads: [lead.aadObjectId] };
  writeFileSync(groupsFile, JSON.stringify({ groups: [collaborative, ...authorities] }));
  const instances: Instance[] = [];
  const reader = new Pool({ connectionString: schema.url, max: 2 });
  try {
    const settings = {
      CLPL_LOCAL: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: schema.url,
      CLPL_SLT_IDS: schools.map((school) => sltOf(school).aadObjectId).join(','),
      CLPL_GROUPS_FILE: groupsFile,
      CLPL_QUIET_HOURS: '00:00-00:00',
      CLPL_QUIET_WEEKENDS: 'false',
      LOG_LEVEL: 'warn',
    };
    // One first, so the migrations run once; then the second on the ready database.
    instances.push(await startInstance(settings, { startTimeoutMs: 60_000 }));
    instances.push(await startInstance(settings, { startTimeoutMs: 60_000 }));
    const [first, second] = instances as [Instance, Instance];
    console.log(`Two instances (pids ${first.pid}, ${second.pid}) on PostgreSQL; ${options.schools} schools in one collaborative.`);

    // Each school installs the app and chooses its CLPL channel, through the real endpoint (alternating instances).
    const setUpStarted = Date.now();
    await concurrently(schools, 8, async (school, i) => {
      const via = i % 2 === 0 ? first : second;
      await expectOk(sendToBot(via.url, botAddedToTeam(worldOf(school), sltOf(school))), 'install');
      await expectOk(sendToBot(via.url, channelMention(worldOf(school), sltOf(school), school.channel, 'use this channel')), 'use this channel');
    });
    await quiet(connector, 2_000);
    console.log(`Set-up: ${options.schools} schools installed and their channels chosen in ${seconds(Date.now() - setUpStarted)} (their replies paced by the tenant budget).`);
    const throttledBefore = connector.throttled.length;

    // The lead posts the offer to the whole collaborative.
    const callsBefore = connector.calls.length;
    const submitted = Date.now();
    const form = offerFormValues({ audience: groupId, capacity: String(options.capacity), quotaPerSchool: String(options.quota), title: 'Assessment literacy across the partnership' });
    const answer = await sendToBot(first.url, personalCardAction(worldOf(schools[0]!), lead, 'offer.create.v1', form));
    const answeredMs = Date.now() - submitted;
    if (!JSON.stringify(answer.body).includes('Offer saved')) throw new Error(`the offer was not saved: ${JSON.stringify(answer.body).slice(0, 500)}`);
    const channelIds = new Set(schools.map((s) => s.channel.id));
    const posts = () => connector.calls.slice(callsBefore).filter((c) => c.method === 'POST' && c.conversationId && channelIds.has(c.conversationId) && c.responseId && cardOf(c));
    await until(() => posts().length >= options.schools, 'every school to get its card', 120_000);
    const postCalls = posts();
    const postedMs = Date.now() - submitted;
    const postTimes = postCalls.map((c) => c.receivedAt);
    const postingSpanMs = Math.max(...postTimes) - Math.min(...postTimes);
    // The tenant allows `tenantPerSecond` a second: N posts need at least ceil(N / limit) - 1 whole seconds end to end.
    const fastestSpanMs = (Math.ceil(options.schools / tenantPerSecond) - 1) * 1000;
    const offerId = cardOf(postCalls[0]).actions.find((a: { verb?: string }) => a.verb === 'offer.signUp.v1').data.offerId as string;
    const cards = new Map(postCalls.map((c) => [c.conversationId!, c.responseId!]));
    const toldLead = await until(() => connector.calls.some((c) => c.method === 'POST' && JSON.stringify(cardOf(c) ?? '').includes('Offer posted to every school')), 'the lead to be told', 30_000).then(
      () => true,
      () => false,
    );

    // Staff across the schools sign up, half through each instance.
    const people = Array.from({ length: options.signups }, (_, i) => ({ person: member(`staff-${i + 1}`), school: schools[i % schools.length]! }));
    const latencies: number[] = [];
    const failures: string[] = [];
    const signUpsStarted = Date.now();
    await concurrently(people, options.concurrency, async ({ person, school }, i) => {
      const via = i % 2 === 0 ? first : second;
      const card = { channelId: school.channel.id, channelName: school.channel.name, activityId: cards.get(school.channel.id)! };
      const started = performance.now();
      const response = await sendToBot(via.url, channelCardAction(worldOf(school), person, card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
      latencies.push(performance.now() - started);
      if (response.status !== 200) failures.push(`${person.aadObjectId}: HTTP ${response.status}`);
    });
    const signUpsMs = Date.now() - signUpsStarted;
    const lastSignUpAt = Date.now();

    // What the database holds.
    const { rows } = await reader.query<{ status: string; school_id: string | null; n: string }>('select status, school_id, count(*) as n from signups where offer_id = $1 group by status, school_id', [offerId]);
    const confirmed = rows.filter((r) => r.status === 'confirmed').reduce((n, r) => n + Number(r.n), 0);
    const waitlisted = rows.filter((r) => r.status === 'waitlisted').reduce((n, r) => n + Number(r.n), 0);
    const mostInOneSchool = Math.max(0, ...rows.filter((r) => r.status === 'confirmed').map((r) => Number(r.n)));

    // Every card converges on the final state.
    const finalText = waitlisted > 0 ? `Full (${options.capacity} places) · ${waitlisted} on the waitlist` : `${options.capacity - confirmed} of ${options.capacity} places left`;
    const lastDrawn = (channelId: string) => {
      const activityId = cards.get(channelId)!;
      const updates = connector.updatesOf(activityId);
      return JSON.stringify(cardOf(updates.at(-1)) ?? cardOf(postCalls.find((c) => c.responseId === activityId)) ?? '');
    };
    const settled = () => [...cards.keys()].filter((id) => lastDrawn(id).includes(finalText)).length;
    const converged = await until(() => settled() === cards.size, 'every card to show the final state', 180_000).then(
      () => true,
      () => false,
    );
    const convergedMs = Date.now() - lastSignUpAt;
    const updates = [...cards.values()].reduce((n, activityId) => n + connector.updatesOf(activityId).length, 0);
    const throttled = connector.throttled.length - throttledBefore;

    const sorted = [...latencies].sort((a, b) => a - b);
    const check = (ok: boolean) => (ok ? 'ok' : 'FAIL');
    const efficiency = fastestSpanMs === 0 ? null : fastestSpanMs / Math.max(postingSpanMs, 1);
    const pace = efficiency === null ? `(the tenant limit does not bind below ${tenantPerSecond + 1} posts)` : `${(efficiency * 100).toFixed(0)}% of the fastest the tenant limit allows [${check(efficiency >= 0.9)} ≥ 90%]`;
    console.log('');
    console.log(`Posting to ${options.schools} channels: form answered in ${answeredMs} ms; all cards up ${seconds(postedMs)} after the submit; first to last post ${seconds(postingSpanMs)} against at least ${seconds(fastestSpanMs)} at ${tenantPerSecond}/s: ${pace}`);
    console.log(`Lead told every school has it: ${check(toldLead)}`);
    console.log(`Sign-ups: ${options.signups} in ${seconds(signUpsMs)} = ${(options.signups / (signUpsMs / 1000)).toFixed(0)}/s through two instances, ${options.concurrency} in flight; p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms; non-200 answers: ${failures.length} [${check(failures.length === 0)}]`);
    console.log(`Seats: ${confirmed} confirmed of ${options.capacity} [${check(confirmed === Math.min(options.capacity, options.signups, options.schools * options.quota))}], ${waitlisted} waitlisted; most confirmed from one school ${mostInOneSchool} (quota ${options.quota}) [${check(mostInOneSchool <= options.quota)}]`);
    console.log(`Cards: ${settled()} of ${cards.size} show the final state ("${finalText}") ${seconds(convergedMs)} after the last sign-up [${check(converged)}]; ${updates} card updates in all`);
    console.log(`429s from the stand-in (Teams' limits, enforced exactly) after set-up: ${throttled} [${check(throttled === 0)}]`);
  } finally {
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    await reader.end();
    await schema.drop();
    await database.close();
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function expectOk(response: Promise<{ status: number; body: unknown }>, what: string): Promise<void> {
  const { status, body } = await response;
  if (status >= 300) throw new Error(`${what} failed: HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`);
}

async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the stand-in has had no call for `ms` (the bot's replies to set-up have all gone). */
async function quiet(connector: BotConnectorStandIn, ms: number): Promise<void> {
  let seen = -1;
  while (seen !== connector.calls.length) {
    seen = connector.calls.length;
    await new Promise((r) => setTimeout(r, ms));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The larger run of the endpoint's generated test (tests/e2e/endpointFuzz.test.ts runs a CI-sized one):
 *   npm run fuzz:endpoint -- [--runs 20000] [--seed 42]
 * Throws malformed activities, strange bodies and malformed card actions of every verb at the real POST /api/messages
 * (local mode, a fresh SQLite store) and fails if any is answered 5xx, a malformed activity is not refused with 400,
 * the server stops answering, or a business table changed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { dumpBusinessTables } from '../tests/support/businessTables';
import { createOfferThroughCard, setUpSchool, startTestbed } from '../tests/support/clplTestbed';
import { fuzzEndpoint, malformedActivity, malformedCardAction, strangeBody, teamsTemplates } from '../tests/support/endpointFuzz';
import { channelMention, member, personalMessage, sendToBot } from '../tests/support/teamsActivities';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const runs = option('runs', 20_000);
  const seed = option('seed', Date.now() % 1_000_000);
  const sqliteFile = join(mkdtempSync(join(tmpdir(), 'clpl-fuzz-')), 'clpl.sqlite');
  const bed = await startTestbed({ env: { SQLITE_FILE: sqliteFile } });
  let failed = false;
  try {
    await setUpSchool(bed);
    const posted = await createOfferThroughCard(bed);
    const staff = member('fuzz', 'Callum Reid');
    await sendToBot(bed.server.url, channelMention(bed.world, staff, { id: posted.card.channelId, name: posted.card.channelName }, 'help'));
    await sendToBot(bed.server.url, personalMessage(bed.world, staff, 'help'));
    await bed.server.settle();
    const before = dumpBusinessTables(sqliteFile);

    const templates = teamsTemplates(bed.world, staff, posted.card);
    const samples = {
      malformed: fc.sample(malformedActivity(templates), { numRuns: Math.round(runs * 0.55), seed }),
      strange: fc.sample(strangeBody, { numRuns: Math.round(runs * 0.15), seed }),
      cardActions: fc.sample(malformedCardAction(bed.world, staff, posted.card), { numRuns: Math.round(runs * 0.3), seed }),
    };
    const started = Date.now();
    const run = await fuzzEndpoint(bed.server.url, samples);
    await bed.server.settle();
    const seconds = (Date.now() - started) / 1000;
    const healthy = (await fetch(`${bed.server.url}/healthz`)).status === 200;
    const after = dumpBusinessTables(sqliteFile);
    const unchanged = after === before;
    if (!unchanged) {
      const [was, is] = [JSON.parse(before) as Record<string, unknown[]>, JSON.parse(after) as Record<string, unknown[]>];
      for (const table of Object.keys(is)) {
        const added = is[table]!.filter((row) => !was[table]?.some((old) => JSON.stringify(old) === JSON.stringify(row)));
        if (added.length > 0) console.log(`changed in ${table}:`, JSON.stringify(added.slice(0, 3)).slice(0, 1500));
      }
    }

    console.log(`seed ${seed}: ${run.requests} requests in ${seconds.toFixed(1)} s (${Math.round(run.requests / seconds)}/s); answers ${JSON.stringify(run.byStatus)}; ms by kind ${JSON.stringify(run.elapsedMs)}`);
    console.log(`5xx: ${run.serverErrors.length}; malformed not refused with 400: ${run.notRefused.length}; server up: ${healthy}; business tables unchanged: ${unchanged}`);
    for (const error of run.serverErrors) console.log('5xx', JSON.stringify(error));
    for (const miss of run.notRefused) console.log('not refused', JSON.stringify(miss).slice(0, 1500));
    failed = run.serverErrors.length > 0 || run.notRefused.length > 0 || !healthy || !unchanged;
  } finally {
    await bed.close();
  }
  process.exitCode = failed ? 1 : 0;
}

void main();

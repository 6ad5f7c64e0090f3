import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { dumpBusinessTables } from '../support/businessTables';
import { createOfferThroughCard, PostedOffer, setUpSchool, startTestbed, Testbed } from '../support/clplTestbed';
import { fuzzEndpoint, malformedActivity, malformedCardAction, strangeBody, teamsTemplates } from '../support/endpointFuzz';
import { channelMention, member, personalMessage, sendToBot } from '../support/teamsActivities';

/**
 * Thousands of generated requests a broken client or an attacker could send, thrown at the real endpoint (a larger run:
 * `npm run fuzz:endpoint`). None may be a 5xx, the server stays up, and the business tables are unchanged byte for byte.
 */
describe('POST /api/messages under generated malformed input', () => {
  let bed: Testbed;
  let sqliteFile: string;
  let posted: PostedOffer;
  const staff = member('fuzz', 'Callum Reid');

  beforeAll(async () => {
    sqliteFile = join(mkdtempSync(join(tmpdir(), 'clpl-fuzz-')), 'clpl.sqlite');
    bed = await startTestbed({ env: { SQLITE_FILE: sqliteFile } });
    await setUpSchool(bed);
    posted = await createOfferThroughCard(bed);
    // The person the card actions come from has been met in the team and in a 1:1 chat, as anyone using a card has.
    await sendToBot(bed.server.url, channelMention(bed.world, staff, { id: posted.card.channelId, name: posted.card.channelName }, 'help'));
    await sendToBot(bed.server.url, personalMessage(bed.world, staff, 'help'));
    await bed.server.settle();
  });
  afterAll(async () => bed.close());

  it('never answers 5xx, refuses every malformed activity with 400, and changes nothing', async () => {
    const before = dumpBusinessTables(sqliteFile);
    const templates = teamsTemplates(bed.world, staff, posted.card);
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
    const samples = {
      malformed: fc.sample(malformedActivity(templates), { numRuns: 1200, seed }),
      strange: fc.sample(strangeBody, { numRuns: 300, seed }),
      cardActions: fc.sample(malformedCardAction(bed.world, staff, posted.card), { numRuns: 500, seed }),
    };

    const run = await fuzzEndpoint(bed.server.url, samples);
    await bed.server.settle();

    expect({ seed, serverErrors: run.serverErrors }).toEqual({ seed, serverErrors: [] });
    expect({ seed, notRefused: run.notRefused }).toEqual({ seed, notRefused: [] });
    expect(run.requests).toBe(2000);
    expect((await fetch(`${bed.server.url}/healthz`)).status).toBe(200);
    expect(dumpBusinessTables(sqliteFile)).toBe(before);
    // Several seconds on a quiet machine; the margin is for a shared CI runner.
  }, 180_000);
});

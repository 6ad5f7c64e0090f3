import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RosterAccount } from '../support/botConnectorStandIn';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { createOfferThroughCard, setUpSchool, slt, startTestbed, team, Testbed } from '../support/clplTestbed';
import { describeWithPostgres, TestSchema } from '../support/postgres';
import { channelCardAction, Member, member, personalCardAction, personalMessage, sendToBot } from '../support/teamsActivities';

const ailsa = member('ailsa', 'Ailsa Brown');
const callum = member('callum', 'Callum Reid');
const ailsaEmail = 'ailsa.brown@balerno.scot';
const account = (person: Member, email: string): RosterAccount => ({ id: person.teamsId, name: person.name, aadObjectId: person.aadObjectId, email, userPrincipalName: email, tenantId: 'tenant-1' });
const roster = [account(slt, 'morag.slt@balerno.scot'), account(ailsa, ailsaEmail), account(callum, 'callum.reid@balerno.scot')];
const text = (value: unknown) => JSON.stringify(value) ?? '';

type Walk = (needles: string[]) => Promise<string[]>;

/** Where, in any table of the live schema, one of the needles appears (case-insensitive), as "table.column". */
async function walkTables(tables: string[], rowsOf: (table: string) => Promise<Record<string, unknown>[]>, needles: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const table of tables) {
    for (const row of await rowsOf(table)) {
      for (const [column, value] of Object.entries(row)) {
        if (needles.some((n) => String(value ?? '').toLowerCase().includes(n.toLowerCase()))) found.add(`${table}.${column}`);
      }
    }
  }
  return [...found].sort();
}

function sqliteWalk(file: string): Walk {
  return async (needles) => {
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      const tables = (raw.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
      return await walkTables(tables, async (t) => raw.prepare(`select * from ${t}`).all() as Record<string, unknown>[], needles);
    } finally {
      raw.close();
    }
  };
}

function postgresWalk(schema: TestSchema): Walk {
  return async (needles) => {
    const tables = (await schema.query<{ table_name: string }>('select table_name from information_schema.tables where table_schema = ?', schema.name)).map((t) => t.table_name);
    return walkTables(tables, (t) => schema.query(`select * from ${t}`), needles);
  };
}

const cardIn = (response: { body: any }) => response.body?.value;
const lastCardTo = (bed: Testbed, person: Member) => bed.connector.sentTo(`a:personal-${person.aadObjectId}`).at(-1)?.body?.attachments?.[0]?.content;

/** The whole journey through the bot's endpoint: a person takes part, SLT erase her, nothing of her is left. */
function describeErasureJourney(open: () => Promise<{ bed: Testbed; walk: Walk }>) {
  let bed: Testbed;
  let walk: Walk;
  beforeEach(async () => {
    ({ bed, walk } = await open());
  });
  afterEach(() => bed.close());

  it('SLT erase a member of staff: preview, confirm, then no table holds her id, name or email and the session keeps its numbers', async () => {
    await setUpSchool(bed);
    const posted = await createOfferThroughCard(bed, { capacity: '1' });
    await sendToBot(bed.server.url, channelCardAction(bed.world, ailsa, posted.card, 'offer.signUp.v1', { offerId: posted.offerId }));
    await sendToBot(bed.server.url, channelCardAction(bed.world, callum, posted.card, 'offer.signUp.v1', { offerId: posted.offerId }));
    await sendToBot(bed.server.url, personalMessage(bed.world, ailsa, 'my calendar'));
    await bed.server.settle();
    const needles = [ailsa.aadObjectId, ailsa.name, ailsaEmail];
    expect((await walk(needles)).length).toBeGreaterThan(3);

    await sendToBot(bed.server.url, personalMessage(bed.world, slt, `erase ${ailsaEmail}`));
    const choose = lastCardTo(bed, slt);
    expectValidAdaptiveCard(choose);
    expect(text(choose)).toContain('Review erasure');

    const preview = cardIn(await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'privacy.erase.preview.v1', { personId: ailsa.aadObjectId })));
    expectValidAdaptiveCard(preview);
    expect(text(preview)).toContain('Erase Ailsa Brown?');
    expect(text(preview)).toContain('place on sessions still to come');
    expect((await walk(needles)).length).toBeGreaterThan(3);

    const result = cardIn(await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'privacy.erase.confirm.v1', { personId: ailsa.aadObjectId })));
    expectValidAdaptiveCard(result);
    expect(text(result)).toContain('Ailsa Brown has been erased');
    await bed.server.settle();

    expect(await walk(needles)).toEqual([]);
    // Her seat went to Callum, who was waiting, and the channel card was redrawn from the database.
    const signUps = await bed.server.stores.offers.signUpsForOffer(posted.offerId);
    expect(signUps.map((s) => [s.person.id, s.status])).toEqual([[callum.aadObjectId, 'confirmed']]);
    const redrawn = bed.connector.calls.filter((c) => c.method === 'PUT' && c.path.includes(posted.card.activityId));
    expect(redrawn.length).toBeGreaterThan(0);
    expect(text(redrawn.at(-1)?.body)).not.toContain('Ailsa');

    // Confirming again (an old card pressed twice) changes nothing and says so.
    const again = cardIn(await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'privacy.erase.confirm.v1', { personId: ailsa.aadObjectId })));
    expect(text(again)).toContain('No such person in your school');
  });

  it('bad input gets a clear message and changes nothing: someone unknown, and a colleague who is not SLT', async () => {
    await setUpSchool(bed);
    await bed.server.settle();
    const before = await walk([ailsa.aadObjectId]);

    await sendToBot(bed.server.url, personalMessage(bed.world, slt, 'erase nobody@elsewhere.scot'));
    expect(text(lastCardTo(bed, slt))).toContain('No such person in your school');
    const unknown = cardIn(await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'privacy.erase.confirm.v1', { personId: 'aad-someone-else' })));
    expect(text(unknown)).toContain('No such person in your school');
    const notSlt = cardIn(await sendToBot(bed.server.url, personalCardAction(bed.world, callum, 'privacy.erase.confirm.v1', { personId: ailsa.aadObjectId })));
    expect(text(notSlt)).toContain('Only senior leaders');

    expect(await walk([ailsa.aadObjectId])).toEqual(before);
    expect(await bed.server.stores.personalData.findMember(team.id, ailsa.aadObjectId)).toBeDefined();
  });

  it('a person removed from the school\'s only team is a leaver, listed for SLT under "leavers"', async () => {
    await setUpSchool(bed);
    await sendToBot(bed.server.url, {
      type: 'conversationUpdate',
      id: 'removed-1',
      channelId: 'msteams',
      serviceUrl: bed.world.serviceUrl,
      from: { id: slt.teamsId, name: slt.name, aadObjectId: slt.aadObjectId },
      recipient: { id: bed.world.botId, name: 'CLPL' },
      conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId: bed.world.tenantId },
      membersRemoved: [{ id: ailsa.teamsId, aadObjectId: ailsa.aadObjectId }],
      channelData: { eventType: 'teamMemberRemoved', team: { id: team.id, name: team.name }, tenant: { id: bed.world.tenantId } },
    });

    await sendToBot(bed.server.url, personalMessage(bed.world, slt, 'leavers'));
    const leavers = lastCardTo(bed, slt);
    expectValidAdaptiveCard(leavers);
    expect(text(leavers)).toContain('Ailsa Brown');
    expect(text(leavers)).not.toContain('Callum Reid');
    expect(text(leavers)).toContain('privacy.erase.preview.v1');
  });
}

describe('erasing a person through the bot (SQLite)', () => {
  describeErasureJourney(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clpl-erasure-')), 'clpl.sqlite');
    const bed = await startTestbed({ env: { SQLITE_FILE: file }, connector: { rosters: { [team.id]: roster } } });
    return { bed, walk: sqliteWalk(file) };
  });
});

describeWithPostgres('erasing a person through the bot (PostgreSQL)', (database) => {
  let schema: TestSchema | null = null;
  afterEach(async () => {
    await schema?.drop();
    schema = null;
  });
  describeErasureJourney(async () => {
    schema = await database.createSchema();
    const bed = await startTestbed({ env: { DATABASE_URL: schema.url }, connector: { rosters: { [team.id]: roster } } });
    return { bed, walk: postgresWalk(schema) };
  });
});

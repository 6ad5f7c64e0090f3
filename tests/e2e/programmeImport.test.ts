import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, noQuietHours, setUpSchool, slt, startTestbed, team, Testbed } from '../support/clplTestbed';
import { FileDownloadStandIn } from '../support/fileDownloadStandIn';
import { botAddedToTeam, channelMention, member, personalCardAction, personalFileMessage, sendToBot } from '../support/teamsActivities';
import { FakeClock } from '../factories';
import { programmeCsv, programmeHeader, programmeRow, ukDate } from '../factories/programme';

const text = (card: unknown) => JSON.stringify(card) ?? '';
const sltChat = `a:personal-${slt.aadObjectId}`;

function lastCardTo(bed: Testbed, conversationId: string): any {
  return bed.connector.sentTo(conversationId).at(-1)?.body?.attachments?.[0]?.content;
}

/** A second school of the cluster, with its own CLPL channel and head teacher. */
const deanParkHead = member('dp-head', 'Dana Park');
const deanPark = { team: { id: '19:team-dean-park@thread.tacv2', name: 'Dean Park Primary Staff' }, channel: { id: '19:dean-park-clpl@thread.tacv2', name: 'DPP CLPL' } };

function channelTitles(bed: Testbed, channelId = clplChannel.id): string[] {
  return bed.connector
    .sentTo(channelId)
    .map((c) => c.body?.attachments?.[0]?.content)
    .filter(Boolean)
    .map((card) => card.body?.find((b: any) => b.type === 'TextBlock' && b.weight === 'Bolder')?.text ?? text(card));
}

function programmeRows(file: string): unknown[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select id, status from programme_imports').all();
  } finally {
    db.close();
  }
}

describe('importing a programme of offers from CSV in the 1:1 chat', () => {
  const clock = new FakeClock(new Date());
  let files: FileDownloadStandIn;
  const beds: Testbed[] = [];
  let sqliteFile = '';

  async function start(): Promise<Testbed> {
    const bed = await startTestbed({
      clock,
      env: { ...noQuietHours, SQLITE_FILE: sqliteFile, CLPL_SLT_IDS: `${slt.aadObjectId},${deanParkHead.aadObjectId}` },
      connector: { channels: [{ id: team.id }, { id: clplChannel.id, name: clplChannel.name }, { id: deanPark.team.id }, { id: deanPark.channel.id, name: deanPark.channel.name }] },
    });
    beds.push(bed);
    return bed;
  }

  beforeEach(async () => {
    clock.set(new Date());
    sqliteFile = join(mkdtempSync(join(tmpdir(), 'clpl-programme-')), 'clpl.sqlite');
    files = await new FileDownloadStandIn().start();
  });
  afterEach(async () => {
    for (const bed of beds.splice(0)) await bed.close().catch(() => undefined);
    await files.stop();
  });

  it('previews the file, schedules it once (after a restart too), and posts each offer on its publish date, a group offer in each school', async () => {
    const first = await start();
    await setUpSchool(first);
    // The SLT member also leads a cluster of this school and Dean Park, which has its own CLPL channel.
    const deanParkWorld = { ...first.world, team: deanPark.team };
    await sendToBot(first.server.url, botAddedToTeam(deanParkWorld, deanParkHead));
    await sendToBot(first.server.url, channelMention(deanParkWorld, deanParkHead, deanPark.channel, 'use this channel'));
    await first.server.stores.groups.applyFile(
      [{ id: 'balerno-cluster', name: 'Balerno cluster', kind: 'cluster', schools: [team.id, deanPark.team.id], groups: [], leads: [slt.aadObjectId] }],
      'test',
      clock.now(),
    );
    const now = clock.now();
    const csv = programmeCsv(
      [
        programmeRow(now, { title: 'Outdoor learning', 'publish date': '' }),
        programmeRow(now, { title: 'Reading for pleasure', 'publish date': ukDate(now, 10), 'publish time': '07:30', for: 'this school' }),
        programmeRow(now, { title: 'Cluster moderation', 'publish date': '', for: 'balerno-cluster', capacity: '12', 'quota per school': '6' }),
      ],
      [...programmeHeader, 'for', 'quota per school', 'quota released'],
    );
    await sendToBot(first.server.url, personalFileMessage(first.world, slt, { name: 'term2.csv', downloadUrl: files.serve('term2.csv', csv) }));

    const preview = lastCardTo(first, sltChat);
    expectValidAdaptiveCard(preview);
    expect(text(preview)).toContain('Outdoor learning');
    expect(text(preview)).toContain('Reading for pleasure');
    const cluster = preview.body.filter((b: any) => b.type === 'Container').at(-1);
    expect(cluster.items[1].facts.filter((f: any) => ['For', 'Places', 'Places per school'].includes(f.title))).toEqual([
      { title: 'For', value: 'Balerno cluster' },
      { title: 'Places', value: '12' },
      { title: 'Places per school', value: 'At most 6' },
    ]);
    expect(preview.actions.map((a: any) => [a.title, a.verb])).toEqual([
      ['Schedule these 3 offers', 'programme.schedule.v1'],
      ['Cancel', 'programme.cancel.v1'],
    ]);
    const importId = preview.actions[0].data.importId as string;
    expect(channelTitles(first)).toEqual([]);

    // The server restarts before the leader presses the button: the pending import was kept.
    await first.server.close();
    const second = await start();
    const scheduled = await sendToBot(second.server.url, personalCardAction(second.world, slt, 'programme.schedule.v1', { cardVersion: 1, importId }));
    expect(text(scheduled.body)).toContain('Programme scheduled');
    expectValidAdaptiveCard(scheduled.body.value);
    const again = await sendToBot(second.server.url, personalCardAction(second.world, slt, 'programme.schedule.v1', { cardVersion: 1, importId }));
    expect(text(again.body)).toContain('Already scheduled');

    await second.server.settle();
    expect(channelTitles(first).sort()).toEqual(['Cluster moderation', 'Outdoor learning']);
    // The group offer went to the other school's channel too, as one offer with its places per school.
    expect(channelTitles(first, deanPark.channel.id)).toEqual(['Cluster moderation']);
    const clusterCard = first.connector.sentTo(deanPark.channel.id).at(-1)!.body.attachments[0].content;
    const clusterOfferId = clusterCard.actions.find((a: any) => a.verb === 'offer.signUp.v1').data.offerId as string;
    expect(await second.server.stores.offers.findOffer(clusterOfferId)).toMatchObject({ groupId: 'balerno-cluster', capacity: 12, quotaPerSchool: 6 });

    const publishAt = DateTime.fromFormat(`${ukDate(now, 10)} 07:30`, 'dd/MM/yyyy HH:mm', { zone: 'Europe/London' }).toJSDate();
    clock.set(new Date(publishAt.getTime() - 60_000));
    await second.server.settle();
    expect(channelTitles(first).sort()).toEqual(['Cluster moderation', 'Outdoor learning']);
    clock.set(new Date(publishAt.getTime() + 60_000));
    await second.server.settle();
    await second.server.settle();
    expect(channelTitles(first).sort()).toEqual(['Cluster moderation', 'Outdoor learning', 'Reading for pleasure']);
    expect(channelTitles(first, deanPark.channel.id)).toEqual(['Cluster moderation']);
  });

  it('names every problem in a bad file by line, and saves nothing', async () => {
    const bed = await start();
    await setUpSchool(bed);
    const now = clock.now();
    const csv = programmeCsv([programmeRow(now), programmeRow(now, { capacity: '0' }), programmeRow(now, { date: 'next tuesday', 'online link': 'meet.example' })]);
    await sendToBot(bed.server.url, personalFileMessage(bed.world, slt, { name: 'term2.csv', downloadUrl: files.serve('term2.csv', csv) }));

    const card = lastCardTo(bed, sltChat);
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('term2.csv needs another look');
    const facts = card.body.find((b: any) => b.type === 'FactSet').facts.map((f: any) => `${f.title}: ${f.value}`);
    expect(facts).toEqual([
      'Line 3, capacity: Capacity must be a whole number of at least 1.',
      'Line 4, date: Use a date like 03/12/2026 or 2026-12-03.',
      'Line 4, online link: The online link must start with https://',
    ]);
    expect(programmeRows(sqliteFile)).toEqual([]);
  });

  it('refuses a colleague who is not SLT without fetching their file', async () => {
    const bed = await start();
    await setUpSchool(bed);
    const teacher = member('prog-teacher', 'Tam Teacher');
    const url = files.serve('mine.csv', programmeCsv([programmeRow(clock.now())]));
    await sendToBot(bed.server.url, personalFileMessage(bed.world, teacher, { name: 'mine.csv', downloadUrl: url }));
    expect(text(lastCardTo(bed, `a:personal-${teacher.aadObjectId}`))).toContain('Only senior leaders and group CLPL leads can import a programme');
    expect(files.requests).toEqual([]);
    expect(programmeRows(sqliteFile)).toEqual([]);
  });

  it('tells the importer 1:1 when an offer can no longer be posted on its publish date', async () => {
    const bed = await start();
    await setUpSchool(bed);
    const now = clock.now();
    const csv = programmeCsv([programmeRow(now, { title: 'Too late', date: ukDate(now, 5), 'sign-ups close date': ukDate(now, 4), 'publish date': ukDate(now, 2) })]);
    await sendToBot(bed.server.url, personalFileMessage(bed.world, slt, { name: 'late.csv', downloadUrl: files.serve('late.csv', csv) }));
    const importId = lastCardTo(bed, sltChat).actions[0].data.importId as string;
    await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'programme.schedule.v1', { cardVersion: 1, importId }));

    // The server was down over the publish date and comes back after the session.
    clock.set(new Date(now.getTime() + 6 * 24 * 3_600_000));
    await bed.server.settle();
    await bed.server.settle();
    expect(channelTitles(bed)).toEqual([]);
    const notice = lastCardTo(bed, sltChat);
    expectValidAdaptiveCard(notice);
    expect(text(notice)).toContain('\\"Too late\\" was not posted');
    expect(text(notice)).toContain('The session must start in the future.');
  });
});

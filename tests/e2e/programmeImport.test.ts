import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, noQuietHours, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';
import { FileDownloadStandIn } from '../support/fileDownloadStandIn';
import { member, personalCardAction, personalFileMessage, sendToBot } from '../support/teamsActivities';
import { FakeClock } from '../factories';
import { programmeCsv, programmeRow, ukDate } from '../factories/programme';

const text = (card: unknown) => JSON.stringify(card) ?? '';
const sltChat = `a:personal-${slt.aadObjectId}`;

function lastCardTo(bed: Testbed, conversationId: string): any {
  return bed.connector.sentTo(conversationId).at(-1)?.body?.attachments?.[0]?.content;
}

function channelTitles(bed: Testbed): string[] {
  return bed.connector
    .sentTo(clplChannel.id)
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
    const bed = await startTestbed({ clock, env: { ...noQuietHours, SQLITE_FILE: sqliteFile } });
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

  it('previews the file, schedules it once (after a restart too), and posts each offer on its publish date', async () => {
    const first = await start();
    await setUpSchool(first);
    const now = clock.now();
    const csv = programmeCsv([
      programmeRow(now, { title: 'Outdoor learning', 'publish date': '' }),
      programmeRow(now, { title: 'Reading for pleasure', 'publish date': ukDate(now, 10), 'publish time': '07:30' }),
    ]);
    await sendToBot(first.server.url, personalFileMessage(first.world, slt, { name: 'term2.csv', downloadUrl: files.serve('term2.csv', csv) }));

    const preview = lastCardTo(first, sltChat);
    expectValidAdaptiveCard(preview);
    expect(text(preview)).toContain('Outdoor learning');
    expect(text(preview)).toContain('Reading for pleasure');
    expect(preview.actions.map((a: any) => [a.title, a.verb])).toEqual([
      ['Schedule these 2 offers', 'programme.schedule.v1'],
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
    expect(channelTitles(first)).toEqual(['Outdoor learning']);

    const publishAt = DateTime.fromFormat(`${ukDate(now, 10)} 07:30`, 'dd/MM/yyyy HH:mm', { zone: 'Europe/London' }).toJSDate();
    clock.set(new Date(publishAt.getTime() - 60_000));
    await second.server.settle();
    expect(channelTitles(first)).toEqual(['Outdoor learning']);
    clock.set(new Date(publishAt.getTime() + 60_000));
    await second.server.settle();
    await second.server.settle();
    expect(channelTitles(first)).toEqual(['Outdoor learning', 'Reading for pleasure']);
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
    expect(text(lastCardTo(bed, `a:personal-${teacher.aadObjectId}`))).toContain('Only senior leaders can import a programme');
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

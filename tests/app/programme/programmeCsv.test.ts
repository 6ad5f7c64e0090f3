import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { parseProgrammeCsv, ProgrammeContext } from '../../../bot/app/programme/programmeCsv';
import { problemText, programmeLimits } from '../../../bot/domain/programme';
import { defaultTagCatalogue } from '../../../bot/domain/tags';
import { programmeCsv, programmeHeader, programmeRow, ukDate } from '../../factories/programme';

const now = new Date('2026-09-01T09:00:00Z');
const context: ProgrammeContext = {
  timeZone: 'Europe/London',
  catalogue: defaultTagCatalogue,
  knownStaff: [{ id: 'aad-jo', name: 'Jo Teacher', email: 'jo@school.example' }],
  audience: {
    isSlt: true,
    groups: [
      { id: 'balerno-cluster', name: 'Balerno cluster' },
      { id: 'edinburgh', name: 'City of Edinburgh' },
    ],
    ledGroupIds: ['balerno-cluster'],
  },
  now,
};

function problemsOf(csv: string): string[] {
  const parsed = parseProgrammeCsv(csv, context);
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems.map(problemText);
}

describe('reading a programme CSV', () => {
  it('reads each line into an offer draft in the school time zone, with its publish date', () => {
    const parsed = parseProgrammeCsv(
      programmeCsv([
        programmeRow(now, { date: '2026-10-01', 'start time': '9:30', 'end time': '11:00', 'publish date': '15/09/2026', 'publish time': '12:00', facilitator: 'jo@school.example' }),
        programmeRow(now, { title: 'Outdoor learning', 'publish date': '', 'sign-ups close date': '', 'sign-ups close time': '', standards: 'professional SKILLS and abilities; Professional values and personal commitment' }),
      ]),
      context,
    );
    if (!parsed.ok) throw new Error(parsed.problems.map(problemText).join('\n'));
    const [first, second] = parsed.items;
    expect(first!.line).toBe(2);
    expect(first!.draft.startsAt.toISOString()).toBe('2026-10-01T08:30:00.000Z');
    expect(first!.draft.endsAt.toISOString()).toBe('2026-10-01T10:00:00.000Z');
    expect(first!.publishAt!.toISOString()).toBe('2026-09-15T11:00:00.000Z');
    expect(first!.draft.facilitator).toEqual({ kind: 'staff', userId: 'aad-jo', name: 'Jo Teacher' });
    expect(second!.line).toBe(3);
    expect(second!.publishAt).toBeNull();
    expect(second!.draft.signUpsCloseAt).toEqual(second!.draft.startsAt);
    expect(second!.draft.tags.standards).toEqual(['Professional skills and abilities', 'Professional values and personal commitment']);
    expect(second!.draft.facilitator).toEqual({ kind: 'external', name: 'Jo Outside' });
  });

  it('accepts a byte order mark, headers in any case or spacing, and blank lines', () => {
    const header = programmeHeader.map((h) => h.toUpperCase().replace(/ /g, '_'));
    const body = programmeCsv([programmeRow(now)], programmeHeader).split('\r\n').slice(1).join('\r\n');
    const parsed = parseProgrammeCsv(`\uFEFF${header.join(',')}\r\n\r\n${body}`, context);
    expect(parsed.ok && parsed.items.map((i) => i.line)).toEqual([3]);
  });

  it('names every problem in the file by line and column, and returns no offers', () => {
    const csv = programmeCsv([
      programmeRow(now),
      programmeRow(now, { capacity: 'twenty', 'start time': '3pm' }),
      programmeRow(now, { title: '', location: '', date: '31/02/2026' }),
      programmeRow(now, { 'online link': 'http://meet.example', standards: 'Being nice', 'publish date': ukDate(now, 40) }),
    ]);
    expect(parseProgrammeCsv(csv, context).ok).toBe(false);
    expect(problemsOf(csv)).toEqual([
      'Line 3, start time: Use a 24-hour time like 15:30.',
      'Line 3, capacity: Capacity must be a whole number of at least 1.',
      'Line 4, date: There is no such date as 31/02/2026.',
      'Line 4, title: Give the session a title.',
      'Line 4, location: Say where the session is, or give an online link.',
      'Line 5, online link: The online link must start with https://',
      'Line 5, standards: Unknown standard area: Being nice.',
      'Line 5, publish date: Publish the offer before its sign-ups close.',
    ]);
  });

  it('applies the offer rules as of now: a session in the past is named', () => {
    expect(problemsOf(programmeCsv([programmeRow(now, { date: ukDate(now, -1), 'sign-ups close date': '', 'sign-ups close time': '', 'publish date': '' })]))).toEqual([
      'Line 2, date: The session must start in the future.',
      'Line 2, sign-ups close date: Sign-ups must close in the future.',
    ]);
  });

  it('reports unknown, duplicate and missing columns by name', () => {
    const header = [...programmeHeader.filter((h) => h !== 'capacity'), 'for whom', 'school', 'Title'];
    expect(problemsOf(programmeCsv([programmeRow(now)], header))).toEqual([
      expect.stringMatching(/^Line 1, school: This is not a column the import knows\. The columns are: title, description, date.*, for, quota per school, quota released\.$/),
      'Line 1, Title: The column "title" appears twice.',
      'Line 1, capacity: This column is missing; every offer needs it.',
    ]);
  });

  it('names a line with more values than columns, and counts lines inside quoted cells', () => {
    const csv = `${programmeHeader.join(',')}\n${programmeCsv([programmeRow(now, { description: 'Two\nlines' })]).split('\r\n')[1]}\nextra,${programmeHeader.map(() => 'x').join(',')}\n`;
    expect(problemsOf(csv)).toEqual([expect.stringMatching(/^Line 4: This line has 17 values but the file has 16 columns/)]);
  });

  it('refuses an empty file, a header with no offers, and unreadable CSV', () => {
    expect(problemsOf('')).toEqual([expect.stringMatching(/^The file is empty/)]);
    expect(problemsOf(`${programmeHeader.join(',')}\n`)).toEqual([expect.stringMatching(/has no offers/)]);
    expect(problemsOf(`${programmeHeader.join(',')}\n"unclosed,quote\n`)).toEqual([expect.stringMatching(/^Line 2: This is not readable CSV/)]);
  });

  it('refuses a file over the size or row limit before reading its offers', () => {
    const tooMany = programmeCsv(Array.from({ length: programmeLimits.maxRows + 1 }, () => programmeRow(now)));
    expect(problemsOf(tooMany)).toEqual([`The file has ${programmeLimits.maxRows + 1} offers; import at most ${programmeLimits.maxRows} at a time.`]);
    const huge = Buffer.alloc(programmeLimits.maxBytes + 1, 'a');
    expect(problemsOf(huge.toString())).toEqual([expect.stringMatching(/^The file is 257 KB; a programme file may be at most 256 KB/)]);
  });

  it('names a time the clocks skip, rather than moving it', () => {
    const problems = problemsOf(programmeCsv([programmeRow(now, { date: '28/03/2027', 'start time': '01:30', 'end time': '03:00', 'sign-ups close date': '27/03/2027' })]));
    expect(problems).toEqual(['Line 2, start time: 01:30 on that date does not exist in Europe/London (the clocks change).']);
  });
});

describe('group offers in a programme CSV', () => {
  const groupHeader = [...programmeHeader, 'for', 'quota per school', 'quota released'];
  const groupCsv = (rows: Record<string, string>[]) => programmeCsv(rows, groupHeader);

  it('reads "for" as this school or a group the importer leads (by id or name), with places per school and their release day', () => {
    const parsed = parseProgrammeCsv(
      groupCsv([
        programmeRow(now, { title: 'Ours', for: '' }),
        programmeRow(now, { title: 'Ours too', for: 'This School' }),
        programmeRow(now, { title: 'Cluster', for: 'balerno-cluster', capacity: '30', 'quota per school': '5', 'quota released': ukDate(now, 20) }),
        programmeRow(now, { title: 'Cluster by name', for: 'balerno CLUSTER' }),
      ]),
      context,
    );
    if (!parsed.ok) throw new Error(parsed.problems.map(problemText).join('\n'));
    expect(parsed.items.map((i) => [i.draft.title, i.groupId])).toEqual([
      ['Ours', undefined],
      ['Ours too', undefined],
      ['Cluster', 'balerno-cluster'],
      ['Cluster by name', 'balerno-cluster'],
    ]);
    const cluster = parsed.items[2]!.draft;
    expect(cluster.quotaPerSchool).toBe(5);
    // The start of the release day, school time (as the offer form).
    expect(DateTime.fromJSDate(cluster.quotaReleasesAt!, { zone: 'Europe/London' }).toFormat('dd/MM/yyyy HH:mm')).toBe(`${ukDate(now, 20)} 00:00`);
    expect(parsed.items[3]!.draft.quotaPerSchool).toBeUndefined();
  });

  it('names an unknown group, a group the importer does not lead, and places per school without a group', () => {
    expect(
      problemsOf(
        groupCsv([
          programmeRow(now, { for: 'nowhere-cluster' }),
          programmeRow(now, { for: 'edinburgh' }),
          programmeRow(now, { 'quota per school': '2', 'quota released': ukDate(now, 20) }),
          // A bad group: the quota is not also called "without a group".
          programmeRow(now, { for: 'nowhere-cluster', 'quota per school': '2' }),
        ]),
      ),
    ).toEqual([
      'Line 2, for: There is no group of schools "nowhere-cluster". Write "this school" or a group\'s id. The groups you lead: balerno-cluster.',
      'Line 3, for: Only the CLPL leads of City of Edinburgh (edinburgh) can offer CLPL to its schools, and you are not one. The groups you lead: balerno-cluster.',
      'Line 4, quota per school: Places per school are only for an offer to a group of schools: name the group in the "for" column, or leave this empty.',
      'Line 4, quota released: Returning unused places is only for an offer to a group of schools: name the group in the "for" column, or leave this empty.',
      'Line 5, for: There is no group of schools "nowhere-cluster". Write "this school" or a group\'s id. The groups you lead: balerno-cluster.',
    ]);
  });

  it('names places per school above the capacity or not a number, a release without a limit, and a release after the session starts', () => {
    const cluster = { for: 'balerno-cluster', capacity: '10' };
    expect(
      problemsOf(
        groupCsv([
          programmeRow(now, { ...cluster, 'quota per school': '11' }),
          programmeRow(now, { ...cluster, 'quota per school': 'some' }),
          programmeRow(now, { ...cluster, 'quota released': ukDate(now, 20) }),
          programmeRow(now, { ...cluster, 'quota per school': '3', 'quota released': ukDate(now, 31) }),
          programmeRow(now, { ...cluster, 'quota per school': '3', 'quota released': '40/01/2027' }),
        ]),
      ),
    ).toEqual([
      'Line 2, quota per school: The limit per school must be a whole number from 1 to the capacity.',
      'Line 3, quota per school: Places per school must be a whole number of at least 1.',
      'Line 4, quota released: A release date needs a limit per school.',
      'Line 5, quota released: Unused places must be released before the session starts.',
      'Line 6, quota released: There is no such date as 40/01/2027.',
    ]);
  });

  it('lets a group lead who is not SLT import only for their groups', () => {
    const lead: ProgrammeContext = { ...context, audience: { ...context.audience, isSlt: false } };
    const parsed = parseProgrammeCsv(groupCsv([programmeRow(now, { for: 'balerno-cluster' }), programmeRow(now, { for: '' })]), lead);
    expect(parsed.ok ? [] : parsed.problems.map(problemText)).toEqual([
      'Line 3, for: Only senior leaders can offer CLPL to this school alone. Name a group you lead instead. The groups you lead: balerno-cluster.',
    ]);
  });
});

describe('the README example file', () => {
  it('reads without problems for an SLT member who leads the cluster it names', () => {
    const example = readFileSync(join(__dirname, '../../../docs/programme-example.csv'));
    const parsed = parseProgrammeCsv(example, context);
    expect(parsed.ok ? parsed.items.map((i) => [i.draft.title, i.groupId ?? 'this school', i.draft.quotaPerSchool ?? null]) : parsed.problems.map(problemText)).toEqual([
      ['Questioning for deeper learning', 'this school', null],
      ['Outdoor learning in the early years', 'this school', null],
      ['Reading for pleasure (online)', 'this school', null],
      ['Moderation across the cluster', 'balerno-cluster', 6],
    ]);
  });
});

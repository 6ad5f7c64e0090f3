import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProgrammeCsv, ProgrammeContext } from '../../../bot/app/programme/programmeCsv';
import { problemText, programmeLimits } from '../../../bot/domain/programme';
import { defaultTagCatalogue } from '../../../bot/domain/tags';
import { programmeCsv, programmeHeader, programmeRow, ukDate } from '../../factories/programme';

const now = new Date('2026-09-01T09:00:00Z');
const context: ProgrammeContext = {
  timeZone: 'Europe/London',
  catalogue: defaultTagCatalogue,
  knownStaff: [{ id: 'aad-jo', name: 'Jo Teacher', email: 'jo@school.example' }],
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

  it('reports unknown, duplicate and missing columns by name (group columns are not accepted yet)', () => {
    const header = [...programmeHeader.filter((h) => h !== 'capacity'), 'for', 'quota per school', 'Title'];
    expect(problemsOf(programmeCsv([programmeRow(now)], header))).toEqual([
      expect.stringMatching(/^Line 1, for: This is not a column the import knows\. The columns are: title, description, date/),
      expect.stringMatching(/^Line 1, quota per school: This is not a column/),
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

describe('the README example file', () => {
  it('reads without problems', () => {
    const example = readFileSync(join(__dirname, '../../../docs/programme-example.csv'));
    const parsed = parseProgrammeCsv(example, context);
    expect(parsed.ok ? parsed.items.map((i) => i.draft.title) : parsed.problems.map(problemText)).toEqual([
      'Questioning for deeper learning',
      'Outdoor learning in the early years',
      'Reading for pleasure (online)',
    ]);
  });
});

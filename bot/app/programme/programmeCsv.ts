import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { KnownMember } from '../../domain/lineManagement';
import { Facilitator, OfferDraft } from '../../domain/offer';
import { programmeAudience, ProgrammeAudienceContext, programmeItemProblems, programmeLimits, ProgrammeItem, ProgrammeProblem } from '../../domain/programme';
import { TagCatalogue } from '../../domain/tags';
import { columnOfDraftField, columnOfHeader, draftFieldInputs, ProgrammeColumn, programmeColumnNames, programmeColumns } from './programmeColumns';

export type ParsedItem = Omit<ProgrammeItem, 'offerId'>;

export type ProgrammeParse = { ok: true; items: ParsedItem[] } | { ok: false; problems: ProgrammeProblem[] };

export interface ProgrammeContext {
  /** The school's time zone: dates and times in the file are local to it. */
  timeZone: string;
  catalogue: TagCatalogue;
  /** Colleagues a facilitator is matched to, by name or email; anyone else is an outside facilitator. */
  knownStaff: readonly KnownMember[];
  /** Whom the importer may offer to (the `for` column). */
  audience: ProgrammeAudienceContext;
  now: Date;
}

/** Publishing on a date with no time: at the start of the school day, not at midnight. */
const defaultPublishTime = '08:00';
const cellLimits: Partial<Record<ProgrammeColumn, number>> = { title: 120, for: 120, description: 2000, facilitator: 120, location: 200, 'online link': 1000 };

/**
 * Reads a whole programme CSV into offer drafts, or names every problem in it by line and column. Nothing is half
 * read: one problem anywhere and no item is returned, so nothing is saved from a file that needs another look.
 */
export function parseProgrammeCsv(file: Buffer | string, context: ProgrammeContext): ProgrammeParse {
  const bytes = typeof file === 'string' ? Buffer.byteLength(file) : file.length;
  if (bytes > programmeLimits.maxBytes) return fail(null, null, `The file is ${kb(bytes)}; a programme file may be at most ${kb(programmeLimits.maxBytes)}. Split the year into terms.`);
  const text = typeof file === 'string' ? file : file.toString('utf8');
  if (text.includes('\uFFFD')) return fail(null, null, 'The file is not UTF-8 text. Save it as "CSV UTF-8" and send it again.');

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, trim: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    return fail(e.lines ?? null, null, `This is not readable CSV (${e.message.split('\n')[0]}).`);
  }
  // Each record starts on the line after the previous one ended (a quoted cell may span lines).
  let nextLine = 1;
  const rows = records.map(({ record, info }) => {
    const row = { cells: record, line: nextLine };
    nextLine = info.lines + 1;
    return row;
  });
  const filled = rows.filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...data] = filled;
  if (!header) return fail(null, null, 'The file is empty. The first line names the columns; each line after it is one offer.');

  const columns = readHeader(header.cells, header.line);
  if ('problems' in columns) return { ok: false, problems: columns.problems };
  if (data.length === 0) return fail(null, null, 'The file names its columns but has no offers on the lines after them.');
  if (data.length > programmeLimits.maxRows) return fail(null, null, `The file has ${data.length} offers; import at most ${programmeLimits.maxRows} at a time.`);

  const problems: ProgrammeProblem[] = [];
  const items: ParsedItem[] = [];
  for (const row of data) {
    if (row.cells.length > columns.byIndex.length) {
      problems.push({ line: row.line, column: null, message: `This line has ${row.cells.length} values but the file has ${columns.byIndex.length} columns (is there an unquoted comma?).` });
      continue;
    }
    const cells = Object.fromEntries(columns.byIndex.map((column, i) => [column, row.cells[i] ?? ''])) as Record<ProgrammeColumn, string>;
    const read = readRow(cells, context);
    problems.push(...read.problems.map((p) => ({ ...p, line: row.line })));
    if (read.item) items.push({ ...read.item, line: row.line });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items };
}

function readHeader(cells: string[], line: number): { byIndex: ProgrammeColumn[] } | { problems: ProgrammeProblem[] } {
  const problems: ProgrammeProblem[] = [];
  const byIndex: ProgrammeColumn[] = [];
  const seen = new Set<ProgrammeColumn>();
  cells.forEach((cell, i) => {
    const column = columnOfHeader(cell);
    if (cell === '') problems.push({ line, column: `column ${i + 1}`, message: 'This column has no name.' });
    else if (!column) problems.push({ line, column: cell, message: `This is not a column the import knows. The columns are: ${programmeColumnNames.join(', ')}.` });
    else if (seen.has(column)) problems.push({ line, column: cell, message: `The column "${column}" appears twice.` });
    if (column) seen.add(column);
    byIndex.push(column ?? ('' as ProgrammeColumn));
  });
  for (const column of programmeColumnNames) {
    if (programmeColumns[column].required && !seen.has(column)) problems.push({ line, column, message: 'This column is missing; every offer needs it.' });
  }
  return problems.length > 0 ? { problems } : { byIndex };
}

type RowProblem = Omit<ProgrammeProblem, 'line'>;

/** Shape first (each cell read into a value), then the domain's rules on the draft, by the column that broke them. */
function readRow(cells: Record<ProgrammeColumn, string>, context: ProgrammeContext): { item: Omit<ParsedItem, 'line'> | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = new Set<ProgrammeColumn>();
  const problem = (column: ProgrammeColumn, message: string) => {
    problems.push({ column, message });
    bad.add(column);
  };
  const cell = (column: ProgrammeColumn) => (cells[column] ?? '').trim();
  for (const [column, max] of Object.entries(cellLimits) as [ProgrammeColumn, number][]) {
    if (cell(column).length > max) problem(column, `Keep this under ${max} characters.`);
  }

  const zone = context.timeZone;
  const date = readDate(cell('date'), 'date', problem, true);
  const startTime = readTime(cell('start time'), 'start time', problem, true);
  const startsAt = at(date, startTime, zone, 'start time', problem);
  const endsAt = at(date, readTime(cell('end time'), 'end time', problem, true), zone, 'end time', problem);
  const closeDate = readDate(cell('sign-ups close date'), 'sign-ups close date', problem, false);
  const closeTime = readTime(cell('sign-ups close time'), 'sign-ups close time', problem, false);
  // No closing date: sign-ups stay open until the session starts.
  const signUpsCloseAt = closeDate || closeTime ? at(closeDate ?? date, closeTime ?? startTime, zone, 'sign-ups close time', problem) : startsAt;
  const publishDate = readDate(cell('publish date'), 'publish date', problem, false);
  const publishTime = readTime(cell('publish time'), 'publish time', problem, false);
  if (publishTime && !publishDate && !bad.has('publish date')) problem('publish time', 'Give a publish date with the publish time.');
  const publishAt = publishDate ? at(publishDate, publishTime ?? defaultPublishTime, zone, 'publish time', problem) : null;

  const onlineLink = cell('online link');
  if (onlineLink !== '' && !isWebLink(onlineLink)) problem('online link', 'The online link must start with https://');
  const capacity = /^\d+$/.test(cell('capacity')) ? Number(cell('capacity')) : NaN;
  const followUpWeeks = cell('follow-up weeks') === '' ? undefined : /^\d+$/.test(cell('follow-up weeks')) ? Number(cell('follow-up weeks')) : NaN;
  const facilitator = facilitatorOf(cell('facilitator'), context.knownStaff);
  if (!facilitator) problem('facilitator', "Name the facilitator: a colleague's name or email, or an outside facilitator's name.");
  const audience = programmeAudience(cell('for'), context.audience);
  if ('problem' in audience) problem('for', audience.problem);
  const groupId = 'groupId' in audience ? audience.groupId : undefined;
  const quotaPerSchool = cell('quota per school') === '' ? undefined : /^\d+$/.test(cell('quota per school')) ? Number(cell('quota per school')) : NaN;
  if (Number.isNaN(quotaPerSchool)) problem('quota per school', 'Places per school must be a whole number of at least 1.');
  const releaseDate = readDate(cell('quota released'), 'quota released', problem, false);
  // Released at the start of that day in the school's zone, as the offer form does.
  const quotaReleasesAt = releaseDate ? DateTime.fromISO(releaseDate, { zone }).toJSDate() : undefined;

  const draft: OfferDraft = {
    title: cell('title'),
    description: cell('description'),
    facilitator: facilitator ?? { kind: 'external', name: '' },
    // A cell that could not be read stands in as "now": the rules that read it are skipped below.
    startsAt: startsAt ?? context.now,
    endsAt: endsAt ?? context.now,
    timeZone: zone,
    location: cell('location') || null,
    onlineLink: onlineLink || null,
    capacity,
    signUpsCloseAt: signUpsCloseAt ?? context.now,
    tags: { standards: tagsOf(cell('standards'), context.catalogue.standards), priorities: tagsOf(cell('priorities'), context.catalogue.priorities) },
    ...(followUpWeeks === undefined ? {} : { followUpWeeks }),
    ...(quotaPerSchool === undefined || Number.isNaN(quotaPerSchool) ? {} : { quotaPerSchool }),
    ...(quotaReleasesAt === undefined ? {} : { quotaReleasesAt }),
  };
  const item = { draft, publishAt, ...(groupId === undefined ? {} : { groupId }) };
  for (const [field, message] of Object.entries(programmeItemProblems(item, context.now, context.catalogue))) {
    const column = columnOfDraftField[field] ?? 'title';
    const inputs = draftFieldInputs[field] ?? [column];
    if (!inputs.some((input) => bad.has(input))) problems.push({ column, message });
  }
  return { item: problems.length === 0 ? item : null, problems };
}

type Report = (column: ProgrammeColumn, message: string) => void;

/** `03/12/2026` (day first, as schools in the UK write it) or `2026-12-03`; answers an ISO date. */
function readDate(value: string, column: ProgrammeColumn, problem: Report, required: boolean): string | null {
  if (value === '') {
    if (required) problem(column, 'Give a date, like 03/12/2026.');
    return null;
  }
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  if (!iso) {
    problem(column, 'Use a date like 03/12/2026 or 2026-12-03.');
    return null;
  }
  if (!DateTime.fromISO(iso).isValid) {
    problem(column, `There is no such date as ${value}.`);
    return null;
  }
  return iso;
}

function readTime(value: string, column: ProgrammeColumn, problem: Report, required: boolean): string | null {
  if (value === '') {
    if (required) problem(column, 'Give a time, like 15:30.');
    return null;
  }
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    problem(column, 'Use a 24-hour time like 15:30.');
    return null;
  }
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

function at(date: string | null, time: string | null, zone: string, column: ProgrammeColumn, problem: Report): Date | null {
  if (!date || !time) return null;
  const instant = DateTime.fromISO(`${date}T${time}`, { zone });
  // A time the clocks skip (spring forward) would silently move: say so instead.
  if (!instant.isValid || instant.toFormat('HH:mm') !== time) {
    problem(column, `${time} on that date does not exist in ${zone} (the clocks change).`);
    return null;
  }
  return instant.toJSDate();
}

function facilitatorOf(value: string, knownStaff: readonly KnownMember[]): Facilitator | null {
  if (value === '') return null;
  const wanted = value.toLowerCase();
  const colleague = knownStaff.find((p) => p.name.toLowerCase() === wanted || (p.email ?? '').toLowerCase() === wanted);
  return colleague ? { kind: 'staff', userId: colleague.id, name: colleague.name } : { kind: 'external', name: value };
}

/**
 * Tags separated by semicolons (the lists' own labels contain commas), matched to the catalogue's spelling without
 * regard to case; one not in the list is kept as written, for the domain's rule to name it.
 */
function tagsOf(value: string, labels: readonly string[]): string[] {
  return value
    .split(';')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter((s) => s !== '')
    .map((tag) => labels.find((label) => label.toLowerCase() === tag.toLowerCase()) ?? tag);
}

function isWebLink(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function fail(line: number | null, column: string | null, message: string): ProgrammeParse {
  return { ok: false, problems: [{ line, column, message }] };
}

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

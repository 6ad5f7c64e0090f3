import { DateTime } from 'luxon';

/** The documented header, in the README's order. */
export const programmeHeader = ['title', 'description', 'date', 'start time', 'end time', 'location', 'online link', 'capacity', 'facilitator', 'sign-ups close date', 'sign-ups close time', 'standards', 'priorities', 'follow-up weeks', 'publish date', 'publish time'];

/** A UK date (dd/mm/yyyy) some days from `from` in London. */
export function ukDate(from: Date, days: number): string {
  return DateTime.fromJSDate(from, { zone: 'Europe/London' }).plus({ days }).toFormat('dd/MM/yyyy');
}

/** One offer line as a record of column → value; every value valid relative to `now` unless overridden. */
export function programmeRow(now: Date, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Questioning for deeper learning',
    description: 'Hinge questions, cold calling and wait time.',
    date: ukDate(now, 30),
    'start time': '15:45',
    'end time': '16:45',
    location: 'Room 12',
    'online link': '',
    capacity: '20',
    facilitator: 'Jo Outside',
    'sign-ups close date': ukDate(now, 29),
    'sign-ups close time': '17:00',
    standards: 'Professional skills and abilities',
    priorities: '',
    'follow-up weeks': '',
    'publish date': ukDate(now, 10),
    'publish time': '',
    ...overrides,
  };
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV file: the header (documented columns by default) then one line per row. */
export function programmeCsv(rows: Record<string, string>[], header: string[] = programmeHeader): string {
  return [header, ...rows.map((row) => header.map((column) => row[column] ?? ''))].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

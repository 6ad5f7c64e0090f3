import { DateTime } from 'luxon';

/** A term as month-days that recur every school year, inclusive: `{ name: 'Autumn', from: '08-15', to: '12-22' }`. */
export interface Term {
  name: string;
  from: string;
  to: string;
}

/** A stretch of time a report covers: [from, to) as instants, with its label ("2026/27", "Autumn 2026/27"). */
export interface Period {
  label: string;
  from: Date;
  to: Date;
}

/** Scottish schools' terms, roughly: the school year runs from August to June (July belongs to the year just ended). */
export const defaultTerms: readonly Term[] = [
  { name: 'Autumn', from: '08-01', to: '12-31' },
  { name: 'Spring', from: '01-01', to: '03-31' },
  { name: 'Summer', from: '04-01', to: '07-31' },
];

const monthDay = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isMonthDay(text: string): boolean {
  return monthDay.test(text);
}

/** The first calendar year of the school year `at` falls in (1 August to 31 July, in the school's time zone). */
export function schoolYearStartOf(at: Date, timeZone: string): number {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return local.month >= 8 ? local.year : local.year - 1;
}

export function schoolYear(startYear: number, timeZone: string): Period {
  return {
    label: yearLabel(startYear),
    from: DateTime.fromObject({ year: startYear, month: 8, day: 1 }, { zone: timeZone }).toJSDate(),
    to: DateTime.fromObject({ year: startYear + 1, month: 8, day: 1 }, { zone: timeZone }).toJSDate(),
  };
}

/** The terms of one school year as periods; a term that starts in January to July falls in the second calendar year. */
export function termsOf(startYear: number, terms: readonly Term[], timeZone: string): Period[] {
  const yearOf = (md: string) => (md >= '08-01' ? startYear : startYear + 1);
  const at = (year: number, md: string) => {
    const [month, day] = md.split('-').map(Number) as [number, number];
    return DateTime.fromObject({ year, month, day }, { zone: timeZone });
  };
  return terms.map((term) => ({
    label: `${term.name} ${yearLabel(startYear)}`,
    from: at(yearOf(term.from), term.from).toJSDate(),
    to: at(yearOf(term.to), term.to).plus({ days: 1 }).toJSDate(),
  }));
}

function yearLabel(startYear: number): string {
  return `${startYear}/${String(startYear + 1).slice(2)}`;
}

/**
 * `at`, or when it falls in a school holiday, the start of the next term (local midnight). The terms setting names
 * terms only, so a holiday is any gap between configured terms (with the default terms, which cover the whole year,
 * there are none). With no terms configured every day is a school day.
 */
export function schoolDayOnOrAfter(at: Date, terms: readonly Term[], timeZone: string): Date {
  if (terms.length === 0) return at;
  const start = schoolYearStartOf(at, timeZone);
  const periods = [start - 1, start, start + 1].flatMap((year) => termsOf(year, terms, timeZone));
  const t = at.getTime();
  if (periods.some((p) => p.from.getTime() <= t && t < p.to.getTime())) return at;
  const next = periods.filter((p) => p.from.getTime() > t).sort((a, b) => a.from.getTime() - b.from.getTime())[0];
  return next ? next.from : at;
}

import { stringify } from 'csv-stringify/sync';
import { feedbackScales } from '../../domain/feedback';
import { OfferImpact, PeriodReport } from '../../domain/impact';

/**
 * Text a person typed can start with "=", "+", "-" or "@", which a spreadsheet would run as a formula; such cells
 * get a leading apostrophe. Numbers stay numbers.
 */
export function safeCell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return Math.round(value * 10_000) / 10_000;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvOf(header: string[], rows: Array<Array<string | number | null>>): string {
  return stringify([header, ...rows.map((row) => row.map(safeCell))], { record_delimiter: '\r\n' });
}

/** One session's impact as rows of (section, measure, value, n), so it opens cleanly in a spreadsheet. */
export function offerImpactCsv(impact: OfferImpact): string {
  const rows: Array<Array<string | number | null>> = [
    ['session', 'title', impact.offer.title, null],
    ['session', 'starts at (UTC)', impact.offer.startsAt.toISOString(), null],
    ['counts', 'confirmed', impact.confirmed, null],
    ['counts', 'attended', impact.attended, null],
    ['counts', 'feedback responses', impact.responses, null],
    ['counts', 'response rate', impact.responseRate, impact.attended],
  ];
  const breakdown = impact.breakdown;
  if (!breakdown) {
    rows.push(['note', 'too few responses to show', `fewer than ${impact.minResponses} responses`, impact.responses]);
  } else {
    rows.push(['means', 'value (1-5)', breakdown.value.mean, breakdown.value.n]);
    for (const scale of feedbackScales) rows.push(['mean change (after - before)', scale, breakdown.change[scale].mean, breakdown.change[scale].n]);
    for (const answer of breakdown.practiceChanges) rows.push(['what I will do differently', answer.name ?? 'anonymous', answer.text, null]);
  }
  return csvOf(['section', 'measure', 'value', 'n'], rows);
}

/** Hours per person, in total and per tag, one row each ("all" is the person's total). */
export function periodReportCsv(report: PeriodReport): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const person of report.people) {
    rows.push([report.period.label, person.person.id, person.person.name, 'all', 'all', person.sessions, person.hours]);
    for (const tag of person.byTag) rows.push([report.period.label, person.person.id, person.person.name, tag.kind, tag.tag, tag.sessions, tag.hours]);
  }
  return csvOf(['period', 'person id', 'person', 'tag kind', 'tag', 'sessions', 'hours'], rows);
}

import { stringify } from 'csv-stringify/sync';
import { feedbackScales } from '../../domain/feedback';
import { FollowUpSummary } from '../../domain/followUpImpact';
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

export function csvOf(header: string[], rows: Array<Array<string | number | null>>): string {
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
  rows.push(...followUpRows(impact));
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

/** The practice follow-up weeks later, in the same (section, measure, value, n) rows. */
function followUpRows(impact: OfferImpact): Array<Array<string | number | null>> {
  const followUp = impact.followUp;
  if (!followUp) return [];
  if (!followUp.window) return [['follow-up', 'note', 'no practice follow-up for this session', null]];
  const { summary, window } = followUp;
  const rows: Array<Array<string | number | null>> = [
    ['follow-up', 'weeks after the session', window.weeks, null],
    ['follow-up', 'opens at (UTC)', window.opensAt.toISOString(), null],
    ['follow-up', 'answers', summary.responses, summary.asked],
    ['follow-up', 'response rate', summary.responseRate, summary.asked],
  ];
  const b = summary.breakdown;
  if (!b) {
    if (summary.asked > 0) rows.push(['follow-up', 'too few responses to show', `fewer than ${summary.minResponses} responses`, summary.responses]);
    return rows;
  }
  rows.push(
    ['follow-up', 'share who applied it', b.applied.share, b.applied.n],
    ['follow-up confidence (1-5)', 'before the session', b.confidence.before.mean, b.confidence.before.n],
    ['follow-up confidence (1-5)', 'after the session', b.confidence.after.mean, b.confidence.after.n],
    ['follow-up confidence (1-5)', 'weeks later', b.confidence.followUp.mean, b.confidence.followUp.n],
    ['follow-up confidence (1-5)', 'change sustained (weeks later - before)', b.confidence.sustainedChange.mean, b.confidence.sustainedChange.n],
  );
  for (const answer of b.answers) {
    rows.push(['what changed in practice', answer.name ?? 'anonymous', answer.practiceChange, null]);
    if (answer.pupilEffect !== '') rows.push(['effect on pupils', answer.name ?? 'anonymous', answer.pupilEffect, null]);
  }
  return rows;
}

/** Follow-ups of a period's sessions, all together ("all") and per tag; means empty below the anonymity threshold. */
export function periodFollowUpCsv(report: PeriodReport): string {
  const row = (kind: string, tag: string, s: FollowUpSummary): Array<string | number | null> => {
    const b = s.breakdown;
    return [
      report.period.label,
      kind,
      tag,
      s.asked,
      s.responses,
      s.responseRate,
      b ? b.applied.share : null,
      b ? b.confidence.before.mean : null,
      b ? b.confidence.after.mean : null,
      b ? b.confidence.followUp.mean : null,
      b ? b.confidence.sustainedChange.mean : null,
      b ? b.confidence.sustainedChange.n : null,
      b ? '' : `fewer than ${s.minResponses} responses`,
    ];
  };
  const rows = report.followUp ? [row('all', 'all', report.followUp.overall), ...report.followUp.byTag.map((t) => row(t.kind, t.tag, t.summary))] : [];
  return csvOf(
    ['period', 'tag kind', 'tag', 'asked', 'answers', 'response rate', 'share who applied it', 'confidence before', 'confidence after', 'confidence weeks later', 'change sustained', 'n (answered feedback and follow-up)', 'note'],
    rows,
  );
}

import { PartnershipReport, PartnershipRow } from '../../domain/partnershipReport';
import { csvOf } from './impactCsv';

/** Why a row's means are not there, in words a spreadsheet reader understands without the report beside it. */
export function withheldNote(row: PartnershipRow, minResponses: number): string {
  if (row.withheld === 'too_few_responses') return `withheld: fewer than ${minResponses} responses`;
  if (row.withheld === 'protects_another_cell') return 'withheld: with the other rows it would show a withheld one';
  return row.responses === 0 ? 'no responses' : '';
}

/** One row per school, group inside the group and the group itself, means beside their n; empty where withheld. */
export function partnershipCsv(report: PartnershipReport): string {
  const rows = report.rows.map((row) => {
    const m = row.means;
    return [
      report.period.label,
      row.kind,
      row.groupKind ?? 'school',
      row.id,
      row.name,
      row.schools,
      row.sessions,
      row.placesTaken,
      row.attended,
      row.practitioners,
      row.hours,
      row.responses,
      row.responseRate,
      m ? m.value.mean : null,
      m ? m.meanChange.mean : null,
      m ? m.change.knowledge.mean : null,
      m ? m.change.understanding.mean : null,
      m ? m.change.confidence.mean : null,
      m ? m.meanChange.n : null,
      withheldNote(row, report.minResponses),
    ];
  });
  return csvOf(
    [
      'period',
      'row',
      'kind',
      'id',
      'name',
      'schools',
      'sessions',
      'places taken',
      'attended',
      'practitioners',
      'hours',
      'feedback responses',
      'response rate',
      'mean value (1-5)',
      'mean change in knowledge, understanding and confidence',
      'mean change in knowledge',
      'mean change in understanding',
      'mean change in confidence',
      'n (responses behind the means)',
      'note',
    ],
    rows,
  );
}

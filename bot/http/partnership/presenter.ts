import { feedbackScales } from '../../domain/feedback';
import { Mean } from '../../domain/impact';
import { PartnershipReport } from '../../domain/partnershipReport';
import { Period } from '../../domain/terms';
import { SchoolGroup } from '../../ports/schoolGroups';

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (m: Mean) => ({ mean: round2(m.mean), n: m.n });

export const partnershipCsvPath = (groupId: string, periodIndex: number) => `/api/reports/groups/${encodeURIComponent(groupId)}/${periodIndex}.csv`;

/** The groups a lead can choose and the periods of this school year. */
export function presentPartnershipChoices(choices: { groups: SchoolGroup[]; periods: Period[] }) {
  return {
    groups: choices.groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind })),
    periods: choices.periods.map((p, index) => ({ index, label: p.label })),
  };
}

/** The report as the tab sees it: means rounded to two places, absent (null) wherever they are withheld. */
export function presentPartnershipReport(report: PartnershipReport, periodIndex: number) {
  return {
    group: report.group,
    period: { index: periodIndex, label: report.period.label },
    minResponses: report.minResponses,
    csvPath: partnershipCsvPath(report.group.id, periodIndex),
    rows: report.rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      name: row.name,
      groupKind: row.groupKind,
      schools: row.schools,
      sessions: row.sessions,
      placesTaken: row.placesTaken,
      attended: row.attended,
      practitioners: row.practitioners,
      hours: row.hours,
      responses: row.responses,
      responseRate: row.responseRate === null ? null : round2(row.responseRate),
      means: row.means && {
        value: mean(row.means.value),
        meanChange: mean(row.means.meanChange),
        change: Object.fromEntries(feedbackScales.map((s) => [s, mean(row.means!.change[s])])),
      },
      withheld: row.withheld,
    })),
  };
}

import { DomainError } from '../../domain/errors';
import { partnershipReport as rollUp, PartnershipReport } from '../../domain/partnershipReport';
import { GroupGraph } from '../../domain/schoolGroups';
import { Period } from '../../domain/terms';
import { SchoolGroup } from '../../ports/schoolGroups';
import { AppDependencies } from '../dependencies';
import { requireGroupLead } from '../groups/groupAccess';
import { reportPeriods } from './impactReports';

/** The groups whose report the person may read (those they lead and those inside them), and the periods to choose. */
export async function partnershipChoices(deps: AppDependencies, personId: string): Promise<{ groups: SchoolGroup[]; periods: Period[] }> {
  return { groups: await deps.stores.groups.groupsLedBy(personId), periods: reportPeriods(deps) };
}

/**
 * A group's report for one of `reportPeriods` (0 is the whole year), for its leads and the leads of groups containing
 * it only. Withholding is decided over every group and period together (domain/partnershipReport.ts), so the whole
 * year of every grouped school is read, whichever report is asked for.
 */
export async function groupPartnershipReport(deps: AppDependencies, input: { groupId: string; personId: string; periodIndex: number }): Promise<PartnershipReport> {
  await requireGroupLead(deps.stores.groups, input.groupId, input.personId, 'read_reports');
  const periods = reportPeriods(deps);
  if (!periods[input.periodIndex]) throw new DomainError('report_period_unknown', 'That period is not one of this school year.');
  const graph = new GroupGraph(await deps.stores.groups.definitions());
  const schools = [...new Set(graph.all().flatMap((g) => graph.schoolsIn(g.id)))];
  const from = new Date(Math.min(...periods.map((p) => p.from.getTime())));
  const to = new Date(Math.max(...periods.map((p) => p.to.getTime())));
  const [evidence, known] = await Promise.all([deps.stores.evidence.evidenceOfSchools(schools, from, to), deps.stores.schools.listSchools()]);
  return rollUp({
    graph,
    groupId: input.groupId,
    periods,
    periodIndex: input.periodIndex,
    evidence,
    schoolNames: new Map(known.map((s) => [s.id, s.name])),
    minResponses: deps.evidence.minResponsesToShow,
  });
}

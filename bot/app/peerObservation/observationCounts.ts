import { DomainError } from '../../domain/errors';
import { ObservationCounts, observationCountsOf } from '../../domain/peerObservation';
import { Person } from '../../domain/person';
import { Period } from '../../domain/terms';
import { AppDependencies } from '../dependencies';
import { directReportsOf } from '../reflections/directReports';
import { reflectionServices } from '../reflections/reflectionServices';
import { reportPeriods } from '../reports/impactReports';
import { schoolForPerson } from '../schools';

export interface ObservationCountsReport {
  period: Period;
  /** Whose numbers: the whole school for SLT, the direct reports for a line manager. */
  scope: 'school' | 'direct_reports';
  people: Array<Person & ObservationCounts>;
}

/**
 * How many peer observations each person arranged, took part in and reflected on, for SLT (everyone in the school) or
 * a line manager (their direct reports). Counts only: the focus, the colleague and every reflection stay between the two.
 */
export async function observationCountsReport(deps: AppDependencies, input: { personId: string; periodIndex: number }): Promise<ObservationCountsReport> {
  const school = await schoolForPerson(deps, input.personId);
  const period = reportPeriods(deps)[input.periodIndex];
  if (!period) throw new DomainError('report_period_unknown', 'That period is not one of this school year.');
  const isSlt = deps.leadership.sltIdsOf(school.id).includes(input.personId);
  let people: Person[];
  if (isSlt) {
    people = await deps.stores.schools.listMembers(school.id);
  } else {
    const services = reflectionServices(deps);
    people = (await directReportsOf({ org: services.org, reflections: deps.stores.reflections, schools: deps.stores.schools, onOrgError: services.onOrgError }, school.id, input.personId)).filter(
      (p) => p.id !== input.personId,
    );
    if (people.length === 0) throw new DomainError('not_slt', 'Counts of peer observations are for senior leaders and line managers.');
  }
  const { observations, reflections } = await deps.stores.peerObservations.observationsOfSchool(school.id, period.from, period.to);
  const counts = observationCountsOf(people.map((p) => p.id), observations, reflections, deps.clock.now());
  return { period, scope: isSlt ? 'school' : 'direct_reports', people: people.map((p, i) => ({ ...p, ...counts[i]! })) };
}

/** One line per person: numbers only. */
export function observationCountsCsv(report: ObservationCountsReport): string {
  const quote = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : v);
  const lines = [['person_id', 'name', 'arranged', 'visited', 'reflected', 'hours'].join(',')];
  for (const p of report.people) lines.push([quote(p.id), quote(p.name), p.arranged, p.visited, p.reflected, Math.round((p.minutes / 60) * 100) / 100].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

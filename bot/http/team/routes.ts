import { Server } from 'restify';
import { AppDependencies } from '../../app/dependencies';
import { myClplRecord } from '../../app/goals/clplRecordUseCases';
import { listMyGoals } from '../../app/goals/goalUseCases';
import { directReportsOf } from '../../app/reflections/directReports';
import { reflectionServices } from '../../app/reflections/reflectionServices';
import { schoolForPerson } from '../../app/schools';
import { Person } from '../../domain/person';
import { TabRouteContext } from '../tabApi';
import { presentReport, presentReports } from './presenter';
import { z } from 'zod';

const personIdParam = z.string().min(1).max(200);

/** The requester's direct reports (Graph where configured, else the school's line-management map); none without a school. */
async function reportsOf(app: AppDependencies, managerId: string): Promise<{ schoolId: string; reports: Person[] } | null> {
  const school = await schoolForPerson(app, managerId).catch(() => null);
  if (!school) return null;
  const services = reflectionServices(app);
  const reports = await directReportsOf({ org: services.org, reflections: app.stores.reflections, schools: app.stores.schools, onOrgError: services.onOrgError }, school.id, managerId);
  return { schoolId: school.id, reports: reports.filter((r) => r.id !== managerId) };
}

/**
 * Someone the requester may view: one of their direct reports, or for SLT a member of their school. Anyone else is
 * answered exactly as a person who does not exist (404), so nothing is learnt about colleagues.
 *
 * SLT here means SLT by configuration (`sltIdsOf`), not `isSlt`: local mode with no SLT configured lets everyone lead
 * offers, and that convenience must not also let every development identity read every colleague's record.
 */
async function viewablePerson(app: AppDependencies, requesterId: string, personId: string): Promise<Person | null> {
  if (personId === requesterId) return null;
  const mine = await reportsOf(app, requesterId);
  if (!mine) return null;
  const report = mine.reports.find((r) => r.id === personId);
  if (report) return report;
  if (!app.leadership.sltIdsOf(mine.schoolId).includes(requesterId)) return null;
  return (await app.stores.schools.listMembers(mine.schoolId)).find((m) => m.id === personId) ?? null;
}

const notFound = { status: 404, body: { error: { code: 'report_not_found', message: 'That person is not one of your direct reports.' } } };

/** A line manager's read-only view of their direct reports' goals and CLPL record, for the PRD meeting. */
export function mountTeamRoutes(server: Server, { route, app, deps }: TabRouteContext): void {
  server.get('/api/tab/team', route(async ({ person }) => ({ body: presentReports((await reportsOf(app, person.id))?.reports ?? []) })));

  server.get(
    '/api/tab/team/:personId',
    route(async ({ person, req }) => {
      const report = await viewablePerson(app, person.id, personIdParam.parse(req.params.personId));
      if (!report) return notFound;
      const [goals, record] = await Promise.all([listMyGoals(deps, report.id), myClplRecord(deps, report.id)]);
      return { body: presentReport(report, goals, record) };
    }),
  );
}

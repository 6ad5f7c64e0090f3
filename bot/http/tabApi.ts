import { Logger } from 'pino';
import { Request, Response, Server } from 'restify';
import { AppDependencies } from '../app/dependencies';
import { GoalDependencies } from '../app/goals/goalDependencies';
import { sltSchoolOf } from '../app/reports/offersDashboard';
import { Person } from '../domain/person';
import { Identifier } from './auth/identify';
import { Unauthenticated } from './auth/tabTokenValidator';
import { mountClplRoutes } from './clpl/routes';
import { sendError } from './errors';
import { mountDashboardRoutes } from './dashboard/routes';
import { mountGoalRoutes } from './goals/routes';
import { mountWorkPatternRoutes } from './workPatterns/routes';
import { mountTeamRoutes } from './team/routes';
import { mountReflectionRoutes } from './reflections/routes';
import { activityKindLabels } from '../domain/clplRecord';
import { mountTabRecordRoutes, recordDependencies } from './records/routes';
import { mountPartnershipRoutes } from './partnership/routes';

type Handler = (call: { person: Person; req: Request }) => Promise<{ status?: number; body: unknown }>;

export interface TabRouteContext {
  deps: GoalDependencies;
  app: AppDependencies;
  /** Identifies the caller, runs the handler and answers; errors go through one table (errors.ts). */
  route(handler: Handler): (req: Request, res: Response) => Promise<void>;
  withdraw(offerId: string, personId: string): Promise<void>;
}

export interface TabApiOptions {
  deps: GoalDependencies;
  app: AppDependencies;
  identifier: Identifier;
  logger: Logger;
  ssoConfigured: boolean;
  withdraw(offerId: string, personId: string): Promise<void>;
}

/** The tab's JSON API under /api/tab: every route identifies the caller first and only ever touches their own data. */
export function mountTabApi(server: Server, options: TabApiOptions): void {
  const { identifier, logger } = options;
  const route: TabRouteContext['route'] = (handler) => async (req, res) => {
    try {
      const person = await identifier.identify(req);
      const { status, body } = await handler({ person, req });
      res.header('Cache-Control', 'no-store');
      res.json(status ?? 200, body);
    } catch (error) {
      sendError(res, req, logger, error);
    }
  };

  /** What the tab needs before it knows who is using it: whether a development identity may be chosen. */
  server.get('/api/tab/session', async (_req, res) => {
    res.header('Cache-Control', 'no-store');
    res.json(200, { localMode: identifier.localMode, sso: options.ssoConfigured });
  });

  server.get('/api/tab/dev-people', async (req, res) => {
    res.header('Cache-Control', 'no-store');
    if (!identifier.localMode) return sendError(res, req, logger, new Unauthenticated('development identities exist only in local mode'));
    res.json(200, { people: await identifier.devPeople() });
  });

  server.get(
    '/api/tab/me',
    route(async ({ person }) => ({
      body: {
        person: { id: person.id, name: person.name },
        // Only decides whether the tab shows the dashboard; its routes check again.
        isSlt: (await sltSchoolOf(options.app, person.id)) !== null,
        // Only decides whether the tab shows the partnership's report; its routes check the group again.
        leadsGroups: (await options.app.stores.groups.groupsLedBy(person.id)).length > 0,
        standardAreas: options.deps.standardAreas,
        activityKinds: Object.entries(activityKindLabels).map(([id, label]) => ({ id, label })),
      },
    })),
  );

  const context: TabRouteContext = { deps: options.deps, app: options.app, route, withdraw: options.withdraw };
  mountGoalRoutes(server, context);
  mountClplRoutes(server, context);
  mountDashboardRoutes(server, context);
  mountWorkPatternRoutes(server, context);
  mountTeamRoutes(server, context);
  mountReflectionRoutes(server, context);
  mountPartnershipRoutes(server, context);
  mountTabRecordRoutes(server, { deps: recordDependencies(options.app, options.deps.goals, options.deps.timeZone), logger, identify: (req) => identifier.identify(req) });
}

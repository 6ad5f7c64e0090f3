import { Server } from 'restify';
import { offersDashboard } from '../../app/reports/offersDashboard';
import { TabRouteContext } from '../tabApi';
import { presentDashboard } from './presenter';

/** SLT's offers dashboard; anyone else gets 403 (not_slt) from the use case's check. */
export function mountDashboardRoutes(server: Server, { route, app }: TabRouteContext): void {
  server.get('/api/tab/dashboard', route(async ({ person }) => ({ body: presentDashboard(await offersDashboard(app, person.id)) })));
}

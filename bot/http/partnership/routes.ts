import { Server } from 'restify';
import { groupPartnershipReport, partnershipChoices } from '../../app/reports/partnershipReports';
import { TabRouteContext } from '../tabApi';
import { presentPartnershipChoices, presentPartnershipReport } from './presenter';
import { partnershipReportParams } from './schema';

/** The partnership's report for group leads; the use case refuses anyone else (403 not_group_lead, 404 no group). */
export function mountPartnershipRoutes(server: Server, { route, app }: TabRouteContext): void {
  server.get('/api/tab/partnership', route(async ({ person }) => ({ body: presentPartnershipChoices(await partnershipChoices(app, person.id)) })));

  server.get(
    '/api/tab/partnership/:groupId/periods/:index',
    route(async ({ person, req }) => {
      const { groupId, index } = partnershipReportParams.parse(req.params);
      return { body: presentPartnershipReport(await groupPartnershipReport(app, { groupId, personId: person.id, periodIndex: index }), index) };
    }),
  );
}

import { Logger } from 'pino';
import { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { AppDependencies } from '../app/dependencies';
import { offerImpactCsv, periodFollowUpCsv, periodReportCsv } from '../app/reports/impactCsv';
import { offerImpactReport, schoolPeriodReport } from '../app/reports/impactReports';
import { partnershipCsv } from '../app/reports/partnershipCsv';
import { groupPartnershipReport } from '../app/reports/partnershipReports';
import { partnershipCsvParams } from './partnership/schema';
import { schoolForPerson } from '../app/schools';
import { observationCountsCsv, observationCountsReport } from '../app/peerObservation/observationCounts';
import { isDomainError } from '../domain/errors';
import { Person } from '../domain/person';
import { Config } from '../config';
import { createIdentifier, Identifier } from './auth/identify';
import { TabTokenValidator } from './auth/tabTokenValidator';
import { sendError } from './errors';

/** The router cannot match a parameter followed by ".csv", so the whole last segment is the parameter. */
const offerParams = z.object({ file: z.string().regex(/^[^/]{1,100}\.csv$/).transform((file) => file.slice(0, -'.csv'.length)) });
const periodParams = z.object({ file: z.string().regex(/^\d{1,2}\.csv$/).transform((file) => Number.parseInt(file, 10)) });

/**
 * CSV exports of the impact report, for SLT only: the caller is identified exactly as the tab API identifies them
 * (Teams SSO token; a development identity in local mode), then the report use case checks they lead the school.
 */
export function mountReportRoutes(server: Server, options: { app: AppDependencies; config: Config; logger: Logger }): void {
  const { config, app } = options;
  const validator = config.tab.sso ? new TabTokenValidator(config.tab.sso) : null;
  const identifier: Identifier = createIdentifier({ validator, localMode: config.localMode, schools: app.stores.schools });
  const csvRoute = (produce: (person: Person, req: Request) => Promise<{ name: string; csv: string }>) => async (req: Request, res: Response) => {
    try {
      const person = await identifier.identify(req);
      const { name, csv } = await produce(person, req);
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      });
      res.end(`\uFEFF${csv}`);
    } catch (error) {
      if (isDomainError(error) && error.code === 'not_slt') {
        res.header('Cache-Control', 'no-store');
        res.json(403, { error: { code: error.code, message: 'Impact reports are for senior leaders.' } });
        return;
      }
      sendError(res, req, options.logger, error);
    }
  };

  server.get(
    '/api/reports/offers/:file',
    csvRoute(async (person, req) => {
      const { file: offerId } = offerParams.parse(req.params);
      const impact = await offerImpactReport(app, { offerId, personId: person.id });
      return { name: `clpl-impact-${impact.offer.startsAt.toISOString().slice(0, 10)}.csv`, csv: offerImpactCsv(impact) };
    }),
  );

  server.get(
    '/api/reports/periods/:file',
    csvRoute(async (person, req) => {
      const { file: index } = periodParams.parse(req.params);
      const school = await schoolForPerson(app, person.id);
      const report = await schoolPeriodReport(app, { schoolId: school.id, personId: person.id, periodIndex: index });
      return { name: `clpl-hours-${report.period.label.replace(/[^A-Za-z0-9]+/g, '-')}.csv`, csv: periodReportCsv(report) };
    }),
  );

  server.get(
    '/api/reports/follow-ups/:file',
    csvRoute(async (person, req) => {
      const { file: index } = periodParams.parse(req.params);
      const school = await schoolForPerson(app, person.id);
      const report = await schoolPeriodReport(app, { schoolId: school.id, personId: person.id, periodIndex: index });
      return { name: `clpl-follow-ups-${report.period.label.replace(/[^A-Za-z0-9]+/g, '-')}.csv`, csv: periodFollowUpCsv(report) };
    }),
  );

  // Group leads only (requireGroupLead): not_group_lead is 403 and an unknown group 404, through sendError.
  server.get(
    '/api/reports/groups/:groupId/:file',
    csvRoute(async (person, req) => {
      const { groupId, file: index } = partnershipCsvParams.parse(req.params);
      const report = await groupPartnershipReport(app, { groupId, personId: person.id, periodIndex: index });
      return { name: `clpl-partnership-${report.group.id}-${report.period.label.replace(/[^A-Za-z0-9]+/g, '-')}.csv`, csv: partnershipCsv(report) };
    }),
  );

  // Line managers as well as SLT: numbers per person only (arranged, visited, reflected, hours), never any content.
  server.get(
    '/api/reports/observations/:file',
    csvRoute(async (person, req) => {
      const { file: index } = periodParams.parse(req.params);
      const report = await observationCountsReport(app, { personId: person.id, periodIndex: index });
      return { name: `clpl-peer-observations-${report.period.label.replace(/[^A-Za-z0-9]+/g, '-')}.csv`, csv: observationCountsCsv(report) };
    }),
  );
}

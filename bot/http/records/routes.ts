import { Logger } from 'pino';
import { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { renderMyplPage, myplCsv } from '../../adapters/export/myplExport';
import { pageSecurityHeaders } from '../../adapters/export/html';
import { renderRecordPage } from '../../adapters/export/recordPage';
import { AppDependencies } from '../../app/dependencies';
import { downloadPersonalRecord, RecordDependencies } from '../../app/privacy/personalRecord';
import { personWithRecordLink } from '../../app/privacy/recordLinks';
import { myplEntries } from '../../domain/mypl';
import { PersonalRecord, RecordFormat, recordFormats } from '../../domain/personalRecord';
import { Person } from '../../domain/person';
import { GoalStore } from '../../ports/goalStore';
import { sendError } from '../errors';
import { presentPersonalRecord } from './presenter';

const formatParam = z.enum(recordFormats);
const personIdParam = z.string().trim().min(1).max(200);
/** A link token as recordLinks.ts makes them: 32 bytes in base64url. */
const linkParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), file: formatParam });

export function recordDependencies(app: AppDependencies, goals: GoalStore, timeZone: string): RecordDependencies {
  const { stores } = app;
  return { subjectAccess: stores.subjectAccess, downloads: stores.recordDownloads, schools: stores.schools, leadership: app.leadership, goals, clock: app.clock, timeZone };
}

/** The record in the asked-for format: JSON and CSV as downloads, the two pages shown (and printable) in the browser. */
export function recordFile(record: PersonalRecord, format: RecordFormat): { type: string; disposition: 'attachment' | 'inline'; name: string; body: string } {
  const day = record.generatedAt.toISOString().slice(0, 10);
  const presented = presentPersonalRecord(record);
  switch (format) {
    case 'record.json':
      return { type: 'application/json; charset=utf-8', disposition: 'attachment', name: `clpl-record-${day}.json`, body: JSON.stringify(presented, null, 2) };
    case 'record.html':
      return { type: 'text/html; charset=utf-8', disposition: 'inline', name: `clpl-record-${day}.html`, body: renderRecordPage(presented) };
    case 'mypl.csv':
      // The byte-order mark makes Excel read the file as UTF-8.
      return { type: 'text/csv; charset=utf-8', disposition: 'attachment', name: `mypl-entries-${day}.csv`, body: `\uFEFF${myplCsv(myplEntries(record))}` };
    case 'mypl.html':
      return { type: 'text/html; charset=utf-8', disposition: 'inline', name: `mypl-entries-${day}.html`, body: renderMyplPage(record.person, myplEntries(record), presented.generatedAt ?? day) };
  }
}

function send(res: Response, file: ReturnType<typeof recordFile>): void {
  res.writeHead(200, {
    'content-type': file.type,
    'content-disposition': `${file.disposition}; filename="${file.name}"`,
    // A person's record: no shared cache may keep it.
    'cache-control': 'private, no-store',
    ...pageSecurityHeaders,
  });
  res.end(file.body);
}

async function serve(deps: RecordDependencies, logger: Logger, res: Response, input: { requester: Person; subjectId: string; format: RecordFormat; via: 'tab' | 'link' }) {
  const record = await downloadPersonalRecord(deps, input);
  logger.info({ event: 'record_downloaded', requesterId: input.requester.id, subjectId: input.subjectId, format: input.format, via: input.via });
  send(res, recordFile(record, input.format));
}

/**
 * Downloads through the tab's API, signed in as for every tab call: the caller's own record at /api/tab/<format>,
 * and for SLT a member of their school's at /api/tab/people/<id>/<format>. Anyone else gets the same 404 as for a
 * person who does not exist.
 */
export function mountTabRecordRoutes(server: Server, options: { deps: RecordDependencies; logger: Logger; identify(req: Request): Promise<Person> }): void {
  const { deps, logger } = options;
  const handle = (subjectOf: (req: Request, requester: Person) => string, formatOf: (req: Request) => RecordFormat) => async (req: Request, res: Response) => {
    try {
      const requester = await options.identify(req);
      const format = formatOf(req);
      await serve(deps, logger, res, { requester, subjectId: subjectOf(req, requester), format, via: 'tab' });
    } catch (error) {
      sendError(res, req, logger, error);
    }
  };
  for (const format of recordFormats) {
    server.get(
      `/api/tab/${format}`,
      handle((_req, requester) => requester.id, () => format),
    );
  }
  server.get(
    '/api/tab/people/:personId/:file',
    handle(
      (req) => personIdParam.parse(req.params.personId),
      (req) => formatParam.parse(req.params.file),
    ),
  );
}

/**
 * The bot's short-lived links (`my record`): the token in the address stands for the person's sign-in and opens
 * their own record only. An unknown, expired or malformed link is a plain 404, telling nothing.
 */
export function mountRecordLinkRoutes(server: Server, options: { deps: RecordDependencies; logger: Logger }): void {
  server.get('/records/:token/:file', async (req: Request, res: Response) => {
    try {
      const params = linkParams.safeParse(req.params);
      const personId = params.success ? await personWithRecordLink(options.deps, params.data.token) : undefined;
      if (!params.success || !personId) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end('Not found. Download links from the bot work for 15 minutes: say "my record" to the bot for new ones.');
        return;
      }
      await serve(options.deps, options.logger, res, { requester: { id: personId, name: personId }, subjectId: personId, format: params.data.file, via: 'link' });
    } catch (error) {
      sendError(res, req, options.logger, error);
    }
  });
}

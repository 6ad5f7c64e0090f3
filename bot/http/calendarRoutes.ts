import { Logger } from 'pino';
import { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { renderIcs } from '../adapters/ical/icsCalendar';
import { personalCalendar, sessionCalendar } from '../app/calendar/calendarFeed';
import { AppDependencies } from '../app/dependencies';

/** A token as calendarFeed.ts makes them: 32 bytes in base64url, 43 characters. */
const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const feedParams = z.object({ token });
const sessionParams = z.object({ token, file: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}\.ics$/) });

/**
 * Personal calendar feeds and single-session downloads, both behind the person's secret token. Anything unknown, or
 * malformed, is the same plain 404, so the answers tell nothing about which tokens or offers exist.
 */
export function mountCalendarRoutes(server: Server, deps: { app: AppDependencies; logger: Logger }): void {
  server.get('/calendar/:token/clpl.ics', async (req: Request, res: Response) => {
    const params = feedParams.safeParse(req.params);
    const entries = params.success ? await personalCalendar(deps.app, params.data.token) : undefined;
    if (!entries) return notFound(res);
    deps.logger.info({ event: 'calendar_feed_served', sessions: entries.length });
    sendIcs(res, renderIcs(entries, { name: 'CLPL sessions' }), null);
  });

  server.get('/calendar/:token/sessions/:file', async (req: Request, res: Response) => {
    const params = sessionParams.safeParse(req.params);
    const entry = params.success ? await sessionCalendar(deps.app, params.data.token, params.data.file.slice(0, -'.ics'.length)) : undefined;
    if (!entry) return notFound(res);
    sendIcs(res, renderIcs([entry], { name: entry.title }), 'clpl-session.ics');
  });
}

function sendIcs(res: Response, body: string, downloadName: string | null): void {
  res.writeHead(200, {
    'content-type': 'text/calendar; charset=utf-8',
    // Private to the person: no shared cache may keep it, and the address itself is the secret.
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
    ...(downloadName ? { 'content-disposition': `attachment; filename="${downloadName}"` } : {}),
  });
  res.end(body);
}

function notFound(res: Response): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('Not found');
}

import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { Request, Response, Server } from 'restify';

/**
 * The largest request body any route accepts: Teams sends a few tens of KB at most (a pasted line-management CSV for a
 * large school stays well under), and the tab's JSON is smaller still. Past it the answer is 413 and the rest of the body is
 * read and dropped, never kept.
 */
export const maxBodyBytes = 256 * 1024;

/** restify's own refusals (body too large, JSON that does not parse, unknown route), by their restify code. */
const clientErrors: Record<string, { code: string; message: string }> = {
  PayloadTooLarge: { code: 'payload_too_large', message: `The request body is larger than ${maxBodyBytes} bytes.` },
  RequestEntityTooLarge: { code: 'payload_too_large', message: `The request body is larger than ${maxBodyBytes} bytes.` },
  InvalidContent: { code: 'invalid_json', message: 'The request body is not valid JSON.' },
  BadRequest: { code: 'bad_request', message: 'The request is not valid.' },
  UnsupportedMediaType: { code: 'unsupported_media_type', message: 'The request body has a type this server does not accept.' },
  ResourceNotFound: { code: 'not_found', message: 'Not found.' },
  MethodNotAllowed: { code: 'method_not_allowed', message: 'This method is not allowed here.' },
};

/**
 * Every error restify answers itself (from its plugins, the router, or a handler that threw) gets the app's JSON shape,
 * `{ error: { code, message } }`. A client's mistake keeps its 4xx status; anything else is our fault: 500, with an
 * error id in the log and in the answer, and nothing internal (no message, no stack) in the answer.
 */
export function answerErrorsAsJson(server: Server, logger: Logger): void {
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: unknown; body?: { code?: unknown } }, done: () => void) => {
    if (!res.headersSent) {
      const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
      const restifyCode = typeof err.body?.code === 'string' ? err.body.code : '';
      res.header('Cache-Control', 'no-store');
      if (status >= 400 && status < 500) {
        const known = clientErrors[restifyCode] ?? { code: 'bad_request', message: 'The request is not valid.' };
        res.json(status, { error: known });
      } else {
        const errorId = randomUUID();
        logger.error({ event: 'request_failed', errorId, method: req.method, path: req.getPath(), err: err.stack ?? String(err) });
        res.json(500, { error: { code: 'internal', message: 'Something went wrong on our side.', errorId } });
      }
    }
    done();
  });
}

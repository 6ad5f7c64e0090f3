import { randomUUID } from 'node:crypto';
import { Request, Response } from 'restify';
import { Logger } from 'pino';
import { ZodError } from 'zod';
import { GoalStoreUnavailable } from '../adapters/graph/graphGoalStore';
import { ActivityError } from '../domain/clplRecord';
import { isDomainError } from '../domain/errors';
import { isGoalError } from '../domain/goals';
import { Unauthenticated } from './auth/tabTokenValidator';

export interface ApiError {
  error: { code: string; message: string; fields?: Record<string, string>; errorId?: string };
}

/** Field path → first message, for a form to show beside each control. */
export function fieldMessages(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** One table from what went wrong to the HTTP answer; nothing internal reaches the browser. */
/** Codes that mean "not yours to do or see": 403, whatever the area. */
const forbiddenCodes = new Set<string>(['not_slt', 'observation_not_yours', 'programme_not_slt', 'not_group_lead', 'school_not_in_group', 'not_your_school_approval']);

export function sendError(res: Response, req: Request, logger: Logger, error: unknown): void {
  const send = (status: number, code: string, message: string, fields?: Record<string, string>) => {
    res.header('Cache-Control', 'no-store');
    res.json(status, { error: { code, message, ...(fields ? { fields } : {}) } } satisfies ApiError);
  };
  if (error instanceof Unauthenticated) {
    logger.info({ event: 'tab_unauthenticated', reason: error.reason, path: req.getPath() });
    return send(401, 'unauthenticated', 'Sign in again: open CLPL from Microsoft Teams.');
  }
  if (error instanceof ZodError) return send(400, 'invalid_request', 'Some of what was sent is not valid.', fieldMessages(error));
  if (isGoalError(error)) {
    if (error.code === 'goal_not_found') return send(404, error.code, error.message);
    if (error.code === 'goal_conflict') return send(409, error.code, `${error.message} Reload to see the latest version.`);
    return send(400, error.code, error.message, error.fieldErrors);
  }
  if (error instanceof ActivityError) return send(400, error.code, error.message, error.fieldErrors);
  if (isDomainError(error) && forbiddenCodes.has(error.code)) return send(403, error.code, error.message);
  // Teams could not take the post: nothing is wrong with the request, and the same request may succeed later.
  if (isDomainError(error) && error.code === 'share_not_posted') return send(503, error.code, error.message);
  if (isDomainError(error) && error.code === 'programme_file_unreadable') return send(400, error.code, error.message);
  if (isDomainError(error)) return send(error.code.endsWith('not_found') ? 404 : 409, error.code, error.message, error.fieldErrors);
  if (error instanceof GoalStoreUnavailable) {
    logger.warn({ event: 'goal_store_unavailable', message: error.message });
    return send(503, error.code, 'Your goals cannot be reached just now. Try again in a minute.');
  }
  // Our own fault: the id ties what the person sees to the log line with the stack.
  const errorId = randomUUID();
  logger.error({ event: 'tab_api_failed', errorId, path: req.getPath(), err: error instanceof Error ? error.stack : String(error) });
  res.header('Cache-Control', 'no-store');
  res.json(500, { error: { code: 'internal', message: 'Something went wrong. Try again.', errorId } } satisfies ApiError);
}

import { randomUUID } from 'node:crypto';
import { Activity, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import { Logger } from 'pino';
import { Request, Response } from 'restify';
import { z } from 'zod/v4';
import { BotIdentity } from '../../../config';
import { ClplCloudAdapter } from '../cloudAdapter';
import { authenticateInbound } from './authenticateInbound';
import { InboundActivity, inboundActivitySchema } from './activitySchema';

export interface BotEndpointOptions {
  adapter: ClplCloudAdapter;
  authentication: ConfigurationBotFrameworkAuthentication;
  identity: BotIdentity;
  tokenIssuer: string;
  /** Local mode: replies may go to a loopback serviceUrl (the Agents Playground, the tests' stand-in). */
  localMode: boolean;
  logger: Logger;
  logic(context: TurnContext): Promise<void>;
}

/**
 * POST /api/messages, in place of CloudAdapter.process: authenticate (401 whatever failed), then validate the activity
 * (400 with the fields at fault), then the turn. A refused request reaches neither botbuilder's turn nor the bot, so
 * it sends nothing and changes nothing. A 500 is only ever our own fault, logged with an error id.
 */
export function botEndpoint(options: BotEndpointOptions): (req: Request, res: Response) => Promise<void> {
  const { adapter, authentication, identity, logger } = options;
  const schema = inboundActivitySchema({ allowLoopbackServiceUrl: options.localMode });
  const authenticationEnabled = identity.kind !== 'none';

  return async (req, res) => {
    const body: unknown = req.body;
    const claimed = isObject(body) ? body : {};
    const ids = safeIds(claimed);

    const auth = await authenticateInbound(authentication, { authenticationEnabled, tokenIssuer: options.tokenIssuer }, claimed, req.header('authorization'));
    if (!auth.ok) {
      if (auth.status === 503) {
        const errorId = randomUUID();
        logger.error({ event: 'bot_keys_unavailable', errorId, detail: auth.detail });
        return answer(res, 503, { code: 'unavailable', message: 'The service cannot check requests just now. Try again shortly.', errorId });
      }
      logger.warn({ event: 'activity_unauthenticated', reason: auth.reason, ...ids });
      return answer(res, 401, { code: 'unauthenticated', message: 'The request is not authorised.' });
    }

    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const fields = fieldsOf(parsed.error);
      logger.warn({ event: 'activity_refused', code: 'invalid_activity', ...ids, fields: Object.keys(fields) });
      return answer(res, 400, { code: 'invalid_activity', message: 'The activity is not one this bot accepts.', fields });
    }
    const activity = parsed.data;

    const foreignTenant = identity.kind !== 'none' ? tenantsOf(activity).find((tenant) => tenant !== identity.tenantId) : undefined;
    if (foreignTenant !== undefined) {
      logger.warn({ event: 'activity_unauthenticated', reason: 'wrong_tenant', ...ids });
      return answer(res, 401, { code: 'unauthenticated', message: 'The request is not authorised.' });
    }

    try {
      const response = await adapter.runAuthenticatedTurn(auth.result, withDates(activity), options.logic);
      const status = response?.status ?? 200;
      if (response?.body === undefined) {
        res.status(status);
        res.end();
      } else {
        res.json(status, response.body);
      }
    } catch (error) {
      const errorId = randomUUID();
      logger.error({ event: 'activity_failed', errorId, ...ids, err: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) answer(res, 500, { code: 'internal', message: 'Something went wrong on our side.', errorId });
    }
  };
}

function answer(res: Response, status: number, error: { code: string; message: string; fields?: Record<string, string>; errorId?: string }): void {
  res.header('Cache-Control', 'no-store');
  res.json(status, { error });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** Ids for the log, only when they look like ids: a malformed activity must not write whatever it carries into logs. */
function safeIds(body: Record<string, unknown>): { activityId?: string; conversationId?: string } {
  const safe = (value: unknown) => (typeof value === 'string' && /^[\w:;.@=+/-]{1,256}$/.test(value) ? value : undefined);
  const conversation = body.conversation;
  return {
    activityId: safe(body.id),
    conversationId: isObject(conversation) ? safe(conversation.id) : undefined,
  };
}

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, 20)) fields[issue.path.join('.') || 'body'] ??= issue.message;
  return fields;
}

/** Every tenant the activity names (Teams puts it in channelData and, in chats, on the conversation). */
function tenantsOf(activity: InboundActivity): string[] {
  return [activity.channelData?.tenant?.id, activity.conversation.tenantId].filter((t): t is string => typeof t === 'string' && t !== '');
}

/** As botbuilder's validateAndFixActivity: timestamps become Dates, the text kept beside them. */
function withDates(activity: InboundActivity): Activity {
  const fixed: Record<string, unknown> = { ...activity };
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const text = fixed[field];
    if (typeof text === 'string') {
      fixed[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = text;
      fixed[field] = new Date(text);
    }
  }
  return fixed as unknown as Activity;
}

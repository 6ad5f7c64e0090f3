import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A stand-in for the Bot Connector service on loopback. It speaks the same REST protocol Teams' connector does for the
 * calls this bot makes (send, reply, update, create a 1:1 conversation, list a team's channels, read a team's roster a
 * page at a time or one member), answers as Teams would, and records every request so tests can assert on what the bot
 * sent. Tests use it as the `serviceUrl`.
 */
export interface RecordedCall {
  method: string;
  path: string;
  conversationId: string | null;
  activityId: string | null;
  body: any;
  query: Record<string, string>;
  /** The id the stand-in gave a posted activity or a created conversation. */
  responseId?: string;
  /** When the request arrived (ms since the epoch). */
  receivedAt: number;
}

/** Teams' published limits, enforced exactly (no margin) when a test asks the stand-in to. */
export const teamsLimits = {
  perConversation: [
    { windowMs: 1_000, limit: 7 },
    { windowMs: 2_000, limit: 8 },
    { windowMs: 30_000, limit: 60 },
    { windowMs: 3_600_000, limit: 1_800 },
  ],
  perTenant: [{ windowMs: 1_000, limit: 50 }],
};

export interface StandInOptions {
  /** Answer 429 (Retry-After: 1) to any request beyond Teams' limits, as Teams would, and count them. */
  enforceLimits?: boolean;
  channels?: Array<{ id: string; name?: string }>;
  /** Each team's members (by team id) as Teams lists them; a team not named here has no one on its roster. */
  rosters?: Record<string, RosterAccount[]>;
  /**
   * The most members the stand-in puts on a page. Teams treats the bot's page size as a suggestion (under 50 counts as
   * 50, over 500 as 500), so a test can make pages smaller than the bot asks for to see it follow the tokens.
   */
  rosterPageLimit?: number;
  /** Return a response of your own for a call (e.g. a 429), or undefined to let the stand-in answer normally. */
  intercept?: (call: RecordedCall) => { status: number; headers?: Record<string, string>; body?: unknown } | undefined;
  /** Answer this call only after so many milliseconds (0: at once), as a slow or distant connector would. */
  delayMs?: (call: RecordedCall) => number;
}

/** A TeamsChannelAccount as `GET /v3/conversations/{teamId}/pagedmembers` returns it (some fields may be missing). */
export interface RosterAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
  userRole?: 'user' | 'guest' | 'anonymous';
}

export class BotConnectorStandIn {
  readonly calls: RecordedCall[] = [];
  /** Requests refused with 429 because they broke a limit (only with `enforceLimits`). */
  readonly throttled: RecordedCall[] = [];
  private readonly arrivals = new Map<string, number[]>();
  private server: Server | null = null;
  private nextId = 1;
  url = '';

  constructor(private readonly options: StandInOptions = {}) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Messages the bot sent (posts and replies) into one conversation, in order. */
  sentTo(conversationId: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId && c.path.includes('/activities'));
  }

  updatesOf(activityId: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && c.activityId === activityId);
  }

  conversationsCreated(): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
  }

  /** Counts this request against its conversation and the tenant; true when either budget was already spent. */
  private overLimit(call: RecordedCall): boolean {
    const now = Date.now();
    const tenant = call.body?.channelData?.tenant?.id ?? call.body?.conversation?.tenantId ?? call.body?.tenantId ?? 'default';
    const budgets: Array<[string, ReadonlyArray<{ windowMs: number; limit: number }>]> = [[`tenant:${tenant}`, teamsLimits.perTenant]];
    if (call.conversationId) budgets.push([`conversation:${call.conversationId}`, teamsLimits.perConversation]);
    const over = budgets.some(([key, windows]) => {
      const seen = this.arrivals.get(key) ?? [];
      return windows.some((w) => seen.filter((t) => t > now - w.windowMs).length >= w.limit);
    });
    if (!over) for (const [key] of budgets) this.arrivals.set(key, [...(this.arrivals.get(key) ?? []), now]);
    return over;
  }

  /** Calls that read a team's roster page by page. */
  rosterPagesRead(teamId: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'GET' && c.conversationId === teamId && c.path.endsWith('/pagedmembers'));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = url.pathname;
    const match = path.match(/^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?)?/);
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      conversationId: match?.[1] ? decodeURIComponent(match[1]) : null,
      activityId: match?.[2] ? decodeURIComponent(match[2]) : null,
      body: text ? JSON.parse(text) : null,
      query: Object.fromEntries(url.searchParams),
      receivedAt: Date.now(),
    };
    this.calls.push(call);
    const delayMs = this.options.delayMs?.(call) ?? 0;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (this.options.enforceLimits && req.method !== 'GET' && this.overLimit(call)) {
      this.throttled.push(call);
      return send(res, 429, { error: { code: 'Throttled', message: 'Too many requests' } }, { 'retry-after': '1' });
    }
    const override = this.options.intercept?.(call);
    if (override) return send(res, override.status, override.body ?? {}, override.headers);

    const teams = path.match(/^\/v3\/teams\/([^/]+)\/conversations$/);
    if (req.method === 'GET' && teams) {
      const teamId = decodeURIComponent(teams[1] ?? '');
      const channels = this.options.channels ?? [{ id: teamId }];
      return send(res, 200, { conversations: channels.map((c) => ({ id: c.id, name: c.name })) });
    }
    const roster = path.match(/^\/v3\/conversations\/([^/]+)\/(pagedmembers|members\/([^/]+))$/);
    if (req.method === 'GET' && roster) return this.answerRoster(res, call, decodeURIComponent(roster[3] ?? ''));
    if (req.method === 'POST' && path === '/v3/conversations') {
      call.responseId = `a:personal-${this.nextId++}`;
      return send(res, 201, { id: call.responseId });
    }
    if (req.method === 'POST' && call.conversationId && path.includes('/activities')) {
      call.responseId = `act-${this.nextId++}`;
      return send(res, 201, { id: call.responseId });
    }
    if (req.method === 'PUT' && call.activityId) return send(res, 200, { id: call.activityId });
    send(res, 404, { error: { code: 'NotFound', message: `stand-in does not serve ${req.method} ${path}` } });
  }

  /**
   * `pagedmembers` answers `{ continuationToken, members }`, the token left out on the last page; `members/{id}` answers
   * one account (by Teams user id or Entra object id) or 404 as Teams does for someone not in the team.
   */
  private answerRoster(res: ServerResponse, call: RecordedCall, memberId: string): void {
    const members = this.options.rosters?.[call.conversationId ?? ''] ?? [];
    if (memberId !== '') {
      const found = members.find((m) => m.id === memberId || m.aadObjectId === memberId);
      return found ? send(res, 200, found) : send(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found in the conversation' } });
    }
    const asked = Math.min(500, Math.max(50, Number(call.query.pageSize) || 200));
    const size = Math.min(asked, this.options.rosterPageLimit ?? asked);
    const start = call.query.continuationToken ? Number(Buffer.from(call.query.continuationToken, 'base64url').toString('utf8')) : 0;
    const end = start + size;
    const continuationToken = end < members.length ? Buffer.from(String(end), 'utf8').toString('base64url') : undefined;
    send(res, 200, { continuationToken, members: members.slice(start, end) });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

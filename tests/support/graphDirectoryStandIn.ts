import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for Graph's org chart: `GET /v1.0/users/{id}/directReports` with `$top` paging through
 * `@odata.nextLink` (`$skiptoken`), 404 for an unknown user, and the app's bearer token required on every call.
 * `GET /v1.0/users/{upn}` finds a user by sign-in name (case-insensitive); `throttleUserLookups` answers that many
 * lookups 429 with `Retry-After` first; `userLookupDelayMs` makes each lookup that slow, as a large tenant can be.
 */
export class GraphDirectoryStandIn {
  readonly calls: { path: string; query: URLSearchParams; authorization: string | undefined }[] = [];
  /** Manager id → their direct reports (users, or other directory objects such as org contacts). */
  readonly reports = new Map<string, { id: string; displayName: string; type?: string }[]>();
  /** Sign-in name (lower case) → the user. */
  readonly users = new Map<string, { id: string; displayName: string }>();
  throttleUserLookups = 0;
  userLookupDelayMs = 0;
  retryAfterSeconds = 1;
  maxPageSize = 100;
  token = 'graph-app-token';
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.url);
      this.calls.push({ path: url.pathname, query: url.searchParams, authorization: req.headers.authorization });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${this.token}`) return send(401, { error: { code: 'InvalidAuthenticationToken', message: 'no token' } });
      const userMatch = /^\/v1\.0\/users\/([^/]+)$/.exec(url.pathname);
      if (userMatch) {
        if (this.throttleUserLookups > 0) {
          this.throttleUserLookups--;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(this.retryAfterSeconds) });
          return res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'throttled' } }));
        }
        const upn = decodeURIComponent(userMatch[1]!).toLowerCase();
        const found = this.users.get(upn);
        const answer = () =>
          found ? send(200, { id: found.id, displayName: found.displayName, mail: upn, userPrincipalName: upn }) : send(404, { error: { code: 'Request_ResourceNotFound', message: 'not found' } });
        if (this.userLookupDelayMs > 0) return void setTimeout(answer, this.userLookupDelayMs);
        return answer();
      }
      const match = /^\/v1\.0\/users\/([^/]+)\/directReports$/.exec(url.pathname);
      const all = match ? this.reports.get(decodeURIComponent(match[1]!)) : undefined;
      if (!match || !all) return send(404, { error: { code: 'Request_ResourceNotFound', message: 'not found' } });
      const top = Math.min(Number(url.searchParams.get('$top') ?? 100), this.maxPageSize);
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const value = all.slice(skip, skip + top).map((r) => ({ '@odata.type': r.type ?? '#microsoft.graph.user', id: r.id, displayName: r.displayName }));
      const next = skip + top < all.length ? `${this.url}/v1.0${url.pathname.slice(5)}?$top=${top}&$skiptoken=${skip + top}` : undefined;
      send(200, { value, ...(next ? { '@odata.nextLink': next } : {}) });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

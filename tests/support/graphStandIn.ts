import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request as the stand-in saw it. */
export interface GraphCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

interface StoredItem {
  id: string;
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  fields: Record<string, unknown>;
}

/**
 * A loopback stand-in for the part of Microsoft Graph the goal store uses: one SharePoint list's items
 * (`/v1.0/sites/{site}/lists/{list}/items`), with `$filter=fields/OwnerId eq '…'`, `$top` paging through
 * `@odata.nextLink`, eTags with If-Match (412 on a mismatch), DELETE of an item, and injectable throttling (429/503 with Retry-After).
 * It requires the app's bearer token on every call.
 */
export class GraphStandIn {
  readonly calls: GraphCall[] = [];
  readonly items = new Map<string, StoredItem>();
  /** Answers to give before normal service, one per request: e.g. { status: 429, retryAfter: 1 }. */
  readonly faults: { status: number; retryAfter?: number }[] = [];
  /** Items per page when the caller's $top is larger (Graph may page sooner than asked). */
  maxPageSize = 500;
  token = 'graph-app-token';
  private server: Server | null = null;
  private nextId = 1;
  private url_ = '';

  constructor(
    readonly siteId = 'contoso.sharepoint.com,site-guid,web-guid',
    readonly listId = 'goals-list-guid',
  ) {}

  get url(): string {
    return this.url_;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url_ = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Seeds an item directly, as if someone had added it in SharePoint. */
  seed(fields: Record<string, unknown>): StoredItem {
    const id = String(this.nextId++);
    const at = new Date(Date.UTC(2026, 8, 1) + this.nextId * 1000).toISOString();
    const item = { id, version: 1, createdDateTime: at, lastModifiedDateTime: at, fields };
    this.items.set(id, item);
    return item;
  }

  eTag(item: StoredItem): string {
    return `"{5B2D0C5A-0000-4000-8000-${item.id.padStart(12, '0')}},${item.version}"`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url_);
    const raw = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => resolve(text));
    });
    const body = raw ? (JSON.parse(raw) as unknown) : undefined;
    this.calls.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body });
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
      send(status, { error: { code, message, innerError: { 'request-id': 'stand-in' } } }, headers);

    if (req.headers.authorization !== `Bearer ${this.token}`) return error(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    const fault = this.faults.shift();
    if (fault) return error(fault.status, fault.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable', 'Try later.', fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) });

    const base = `/v1.0/sites/${encodeURIComponent(this.siteId)}/lists/${encodeURIComponent(this.listId)}/items`;
    const rest = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : null;
    if (rest === null) return error(404, 'itemNotFound', 'The requested resource does not exist.');

    if (rest === '' && req.method === 'GET') return this.list(url, send, error);
    if (rest === '' && req.method === 'POST') {
      const fields = (body as { fields?: Record<string, unknown> })?.fields;
      if (!fields) return error(400, 'invalidRequest', 'fields are required');
      const item = this.seed({ ...fields });
      return send(201, this.present(item));
    }
    const match = /^\/(\d+)(\/fields)?$/.exec(rest);
    const item = match ? this.items.get(match[1]!) : undefined;
    if (!match || !item) return error(404, 'itemNotFound', 'The specified list item was not found.');
    if (req.method === 'GET' && !match[2]) return send(200, this.present(item));
    if (req.method === 'DELETE' && !match[2]) {
      this.items.delete(item.id);
      return send(204);
    }
    if (req.method === 'PATCH' && match[2]) {
      const ifMatch = req.headers['if-match'];
      if (ifMatch && ifMatch !== '*' && ifMatch !== this.eTag(item)) return error(412, 'preconditionFailed', 'The eTag does not match.');
      Object.assign(item.fields, body as Record<string, unknown>);
      item.version += 1;
      item.lastModifiedDateTime = new Date().toISOString();
      return send(200, { '@odata.etag': this.eTag(item), ...item.fields });
    }
    return error(405, 'methodNotAllowed', 'Not supported by the stand-in.');
  }

  private list(url: URL, send: (status: number, json?: unknown) => void, error: (status: number, code: string, message: string) => void): void {
    const filter = url.searchParams.get('$filter') ?? '';
    const owner = /^fields\/OwnerId eq '((?:[^']|'')*)'$/.exec(filter);
    if (!owner) return error(400, 'invalidRequest', `The stand-in only supports filtering on the indexed OwnerId column (got "${filter}").`);
    const ownerId = owner[1]!.replace(/''/g, "'");
    if (!/^fields\(\$?select=/.test(url.searchParams.get('$expand') ?? '')) return error(400, 'invalidRequest', 'expand fields with select');
    const matching = [...this.items.values()].filter((i) => i.fields.OwnerId === ownerId);
    const top = Math.min(Number(url.searchParams.get('$top') ?? 200), this.maxPageSize);
    const skip = Number(url.searchParams.get('$skiptoken')?.replace(/^Paged%3dTRUE%26p_ID%3d|^Paged=TRUE&p_ID=/, '') ?? 0);
    const page = matching.slice(skip, skip + top);
    const next = skip + top < matching.length ? new URL(url.toString()) : null;
    if (next) next.searchParams.set('$skiptoken', `Paged=TRUE&p_ID=${skip + top}`);
    send(200, { value: page.map((i) => this.present(i)), ...(next ? { '@odata.nextLink': next.toString() } : {}) });
  }

  private present(item: StoredItem) {
    return {
      '@odata.etag': this.eTag(item),
      id: item.id,
      eTag: this.eTag(item),
      createdDateTime: item.createdDateTime,
      lastModifiedDateTime: item.lastModifiedDateTime,
      fields: { '@odata.etag': this.eTag(item), id: item.id, ...item.fields },
    };
  }
}

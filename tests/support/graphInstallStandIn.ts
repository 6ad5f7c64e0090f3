import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for Graph's Teams app installation for users (`POST /v1.0/users/{id}/teamwork/installedApps`):
 * records each request, answers 201, 409 when the app is already installed, or a status set per user (403/404).
 * It requires the app's bearer token.
 */
export class GraphInstallStandIn {
  readonly installs: Array<{ userId: string; body: unknown; authorization: string | undefined }> = [];
  readonly statusFor = new Map<string, number>();
  readonly installed = new Set<string>();
  token = 'graph-app-token';
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const match = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(req.url ?? '');
        const reply = (status: number, body?: object) => {
          // Graph answers a created installation with an empty 201 (no content type).
          res.writeHead(status, body ? { 'content-type': 'application/json' } : {});
          res.end(body ? JSON.stringify(body) : undefined);
        };
        if (req.headers.authorization !== `Bearer ${this.token}`) return reply(401, { error: { code: 'InvalidAuthenticationToken' } });
        if (req.method !== 'POST' || !match) return reply(404, { error: { code: 'NotFound' } });
        const userId = decodeURIComponent(match[1]!);
        this.installs.push({ userId, body: raw ? JSON.parse(raw) : null, authorization: req.headers.authorization });
        const status = this.statusFor.get(userId);
        if (status) return reply(status, { error: { code: 'Forbidden', message: 'refused' } });
        if (this.installed.has(userId)) return reply(409, { error: { code: 'Conflict', message: 'App is already installed.' } });
        this.installed.add(userId);
        return reply(201);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for Azure App Service's managed identity endpoint (the `IDENTITY_ENDPOINT` /
 * `IDENTITY_HEADER` pair App Service gives the process, API version 2019-08-01): it checks the secret header and
 * answers every token request with `token`, recording the resource and user-assigned client id asked for.
 */
export class ManagedIdentityStandIn {
  readonly requests: Array<{ resource: string | null; clientId: string | null }> = [];
  readonly secret = 'identity-header-secret';
  token = 'graph-app-token';
  private server: Server | null = null;
  url = '';

  /** The variables App Service sets for the process (msal-node reads them from process.env). */
  env(): Record<string, string> {
    return { IDENTITY_ENDPOINT: `${this.url}/msi/token`, IDENTITY_HEADER: this.secret };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'GET' || url.pathname !== '/msi/token') return reply(404, { error: 'not_found' });
      if (req.headers['x-identity-header'] !== this.secret) return reply(401, { error: 'invalid_identity_header' });
      const resource = url.searchParams.get('resource');
      const clientId = url.searchParams.get('client_id');
      this.requests.push({ resource, clientId });
      const expiresOn = Math.floor(Date.now() / 1000) + 3600;
      reply(200, { access_token: this.token, expires_on: String(expiresOn), resource, token_type: 'Bearer', client_id: clientId });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

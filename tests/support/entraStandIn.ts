import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';

export const tenantId = '6f1d3c2a-0000-4000-8000-00000000te57';
export const clientId = '00000000-0000-4000-8000-00000000aad2';
export const tabDomain = 'clpl.example.net';
export const applicationIdUri = `api://${tabDomain}/${clientId}`;

/**
 * A loopback stand-in for Entra ID's published signing keys (the tenant's JWKS), with a helper that signs Teams SSO
 * tokens as Entra would, so the server's token validation runs unchanged against keys it fetches over HTTP.
 */
export class EntraStandIn {
  private server: Server | null = null;
  private key!: { privateKey: KeyLike; jwk: JWK };
  private url_ = '';
  jwksRequests = 0;

  get jwksUrl(): string {
    return `${this.url_}/${tenantId}/discovery/v2.0/keys`;
  }

  /** What the server is configured with to trust this stand-in (the issuers stay the real ones). */
  env(): Record<string, string> {
    return { AAD_APP_CLIENT_ID: clientId, AAD_APP_TENANT_ID: tenantId, TAB_DOMAIN: tabDomain, TAB_SSO_JWKS_URL: this.jwksUrl };
  }

  async start(): Promise<this> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    this.key = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: 'stand-in-key', use: 'sig', alg: 'RS256' } };
    this.server = createServer((req, res) => {
      if (req.url === `/${tenantId}/discovery/v2.0/keys`) {
        this.jwksRequests++;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ keys: [this.key.jwk] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url_ = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A v2 SSO token for the person; `overrides` change any claim, `options` the key or header. */
  async token(
    person: { oid: string; name: string },
    overrides: Record<string, unknown> = {},
    options: { key?: KeyLike; kid?: string; expiresInSeconds?: number } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      aud: clientId,
      iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
      tid: tenantId,
      oid: person.oid,
      name: person.name,
      scp: 'access_as_user',
      ver: '2.0',
      iat: now - 10,
      nbf: now - 10,
      exp: now + (options.expiresInSeconds ?? 3600),
      ...overrides,
    };
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'stand-in-key', typ: 'JWT' }).sign(options.key ?? this.key.privateKey);
  }
}

/** A key nobody published. */
export async function strangerKey(): Promise<KeyLike> {
  return (await generateKeyPair('RS256')).privateKey;
}

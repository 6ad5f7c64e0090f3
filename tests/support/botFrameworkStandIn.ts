import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { base64url, exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';

export const botAppId = '11111111-0000-4000-8000-00000000b0b1';
export const botTenantId = '6f1d3c2a-0000-4000-8000-0000000b0b7e';
export const channelIssuer = 'https://api.botframework.com';
/** Where Teams (EMEA) sends a bot's activities from; the token's serviceurl claim names it. */
export const teamsServiceUrl = 'https://smba.trafficmanager.net/emea/';

/**
 * A loopback stand-in for Bot Framework's token signing service, serving its OpenID metadata and keys the way
 * login.botframework.com does (metadata → jwks_uri; each RSA key with the channels it is endorsed for), and signing
 * channel tokens as the Bot Connector puts them on each request to a bot (iss api.botframework.com, aud the app id,
 * serviceurl). The server under test fetches the keys over HTTP and validates unchanged.
 */
export class BotFrameworkStandIn {
  private server: Server | null = null;
  private key!: { privateKey: KeyLike; jwk: JWK };
  private url_ = '';
  metadataRequests = 0;
  keyRequests = 0;
  /** Set to make the metadata answer 503 (keys unreachable). */
  failing = false;

  get metadataUrl(): string {
    return `${this.url_}/v1/.well-known/openidconfiguration`;
  }

  /** The server's environment: a bot identity, and this stand-in as the source of signing keys. */
  env(kind: 'SingleTenant' | 'UserAssignedMsi' = 'SingleTenant'): Record<string, string> {
    return {
      MicrosoftAppId: botAppId,
      MicrosoftAppType: kind,
      MicrosoftAppTenantId: botTenantId,
      ...(kind === 'SingleTenant' ? { MicrosoftAppPassword: botSecret } : {}),
      BOT_OPENID_METADATA_URL: this.metadataUrl,
      HOST: '127.0.0.1',
    };
  }

  async start(): Promise<this> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = await exportJWK(publicKey);
    this.key = { privateKey, jwk: { ...jwk, kid: 'bf-stand-in-key', use: 'sig', kty: 'RSA', endorsements: ['msteams', 'webchat', 'emulator'] } as JWK };
    this.server = createServer((req, res) => {
      if (this.failing) {
        res.writeHead(503);
        res.end();
        return;
      }
      if (req.url === '/v1/.well-known/openidconfiguration') {
        this.metadataRequests++;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            issuer: channelIssuer,
            authorization_endpoint: 'https://invalid.botframework.com',
            jwks_uri: `${this.url_}/v1/.well-known/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          }),
        );
      } else if (req.url === '/v1/.well-known/keys') {
        this.keyRequests++;
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

  /** A channel token as the Bot Connector signs it; `claims` change any claim, `options` the key, header or lifetime. */
  async token(claims: Record<string, unknown> = {}, options: { key?: KeyLike; kid?: string; alg?: string; notBeforeInSeconds?: number; expiresInSeconds?: number } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      serviceurl: teamsServiceUrl,
      nbf: now + (options.notBeforeInSeconds ?? -10),
      exp: now + (options.expiresInSeconds ?? 3600),
      iss: channelIssuer,
      aud: botAppId,
      ...claims,
    };
    return new SignJWT(payload).setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'bf-stand-in-key', typ: 'JWT' }).sign(options.key ?? this.key.privateKey);
  }
}

/** The bot's client secret in these tests (SingleTenant). */
export const botSecret = 'the-bots-own-client-secret';

/** An unsigned token (`alg: none`), valid in every other way. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: object) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'none', typ: 'JWT', kid: 'bf-stand-in-key' })}.${encode(claims)}.`;
}

/** A token signed with HMAC and the given secret (the bot's own, in the attack this stands for). */
export async function hmacToken(claims: Record<string, unknown>, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'bf-stand-in-key', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

/** Claims as a valid channel token carries them now. */
export function channelClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { serviceurl: teamsServiceUrl, nbf: now - 10, exp: now + 3600, iss: channelIssuer, aud: botAppId, ...overrides };
}

export { strangerKey } from './entraStandIn';

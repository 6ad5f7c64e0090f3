import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { Person } from '../../domain/person';
import { TabSsoConfig } from '../tabConfig';

export const ssoScope = 'access_as_user';

/** Why a token was refused; logged (the person gets a plain 401). */
export class Unauthenticated extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Unauthenticated';
  }
}

/**
 * Checks a Teams SSO token (`authentication.getAuthToken()`): signed by one of the tenant's published keys, issued by
 * the tenant (v1 or v2 issuer), for this app (Application ID URI or client id), not expired, with the
 * `access_as_user` scope. The person is the token's `oid` (their Entra object id, as the bot knows them).
 */
export class TabTokenValidator {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly config: TabSsoConfig,
    keys?: JWTVerifyGetKey,
  ) {
    this.keys = keys ?? createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 12 * 60 * 60 * 1000 });
  }

  async identify(token: string): Promise<Person> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuers,
        audience: this.config.audiences,
        algorithms: ['RS256'],
        clockTolerance: 60,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new Unauthenticated(`${error.code}: ${error.message}`);
      throw error;
    }
    if (payload.tid !== this.config.tenantId) throw new Unauthenticated('token is for another tenant');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(ssoScope)) throw new Unauthenticated(`token lacks the ${ssoScope} scope`);
    const name = typeof payload.name === 'string' ? payload.name : typeof payload.preferred_username === 'string' ? payload.preferred_username : '';
    return { id: String(payload.oid), name };
  }
}

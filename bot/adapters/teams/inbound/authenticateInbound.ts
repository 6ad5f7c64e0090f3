import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { decodeJwt, decodeProtectedHeader } from 'jose';

export type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/** Why a request was refused: logged, never told to the caller (a 401 is the same whatever check failed). */
export type RefusalReason =
  | 'missing_token'
  | 'malformed_token'
  | 'wrong_algorithm'
  | 'unknown_key'
  | 'wrong_issuer'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_audience'
  | 'service_url_mismatch'
  | 'not_endorsed'
  | 'wrong_tenant'
  | 'token_refused';

export type InboundAuthentication =
  | { ok: true; result: AuthenticateRequestResult }
  | { ok: false; status: 401; reason: RefusalReason }
  /** Bot Framework's signing keys could not be fetched: our side (or Azure's) is failing, not the caller. */
  | { ok: false; status: 503; reason: 'keys_unavailable'; detail: string };

/** What botbuilder accepts (AuthenticationConstants.AllowedSigningAlgorithms); `none` and HMAC never. */
const allowedAlgorithms = new Set(['RS256', 'RS384', 'RS512']);

/**
 * Authenticates a request to /api/messages.
 *
 * Why botbuilder's own check, called here, and not our own JWT validation with jose: botbuilder's is what Microsoft
 * maintains for this protocol (the OpenID metadata and its key rotation, per-key channel endorsements, the serviceUrl
 * claim, audience = app id for SingleTenant and managed identity alike, sovereign clouds); a second implementation
 * would be a second thing to get wrong, and botbuilder would check the token again anyway. What botbuilder lacks is
 * the answer: in CloudAdapter.process only its own AuthenticationError becomes 401, and the token library's errors
 * (bad signature, `none`, HMAC, a malformed token) escape as 500. So the endpoint authenticates first, here, maps
 * every refusal to 401, and hands the authenticated result to the turn (adapter.processActivity), which therefore
 * never validates again.
 *
 * Before botbuilder, two cheap checks narrow what reaches it: the algorithm (RSA only) and the issuer (the Bot
 * Framework channel's). The issuer check also refuses Emulator and skill tokens, which botbuilder would otherwise
 * verify against other key sets: this bot is neither a skill nor used with the Emulator once it has an identity.
 */
export async function authenticateInbound(
  authentication: ConfigurationBotFrameworkAuthentication,
  options: { authenticationEnabled: boolean; tokenIssuer: string },
  activity: { channelId?: unknown; serviceUrl?: unknown },
  authorization: string | undefined,
): Promise<InboundAuthentication> {
  // Only what the token is checked against goes to botbuilder, and only when it has the type botbuilder expects: the
  // activity itself is validated after authentication.
  const claimed = {
    channelId: typeof activity.channelId === 'string' ? activity.channelId : undefined,
    serviceUrl: typeof activity.serviceUrl === 'string' ? activity.serviceUrl : undefined,
  };
  if (options.authenticationEnabled) {
    const precheck = precheckToken(authorization, options.tokenIssuer);
    if (precheck) return { ok: false, status: 401, reason: precheck };
  }
  try {
    const result = await authentication.authenticateRequest(claimed as never, authorization ?? '');
    return { ok: true, result };
  } catch (error) {
    return refusalFor(error);
  }
}

function precheckToken(authorization: string | undefined, issuer: string): RefusalReason | null {
  if (!authorization?.trim()) return 'missing_token';
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization);
  if (!match) return 'malformed_token';
  const token = match[1]!;
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    return 'malformed_token';
  }
  if (!header.alg || !allowedAlgorithms.has(header.alg)) return 'wrong_algorithm';
  if (typeof header.kid !== 'string' || header.kid === '') return 'unknown_key';
  if (claims.iss !== issuer) return 'wrong_issuer';
  return null;
}

/** botbuilder's and jsonwebtoken's errors, by what they say: each is a refusal, except keys that cannot be fetched. */
function refusalFor(error: unknown): InboundAuthentication {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  // OpenIdMetadata throws an AuthenticationError with status 500 when the metadata or keys answer an error, and the
  // fetch itself a FetchError or a TypeError when they cannot be reached.
  if (statusCode === 500 || name === 'FetchError' || /Failed to load|fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT/.test(message)) {
    return { ok: false, status: 503, reason: 'keys_unavailable', detail: message.slice(0, 200) };
  }
  return { ok: false, status: 401, reason: reasonFrom(name, message) };
}

function reasonFrom(name: string, message: string): RefusalReason {
  if (name === 'TokenExpiredError' || /expired/i.test(message)) return 'expired';
  if (name === 'NotBeforeError' || /not active/i.test(message)) return 'not_yet_valid';
  if (/invalid signature/i.test(message)) return 'bad_signature';
  if (/Signing Key could not be retrieved/i.test(message)) return 'unknown_key';
  if (/Invalid AppId|audience/i.test(message)) return 'wrong_audience';
  if (/ServiceUrl claim/i.test(message)) return 'service_url_mismatch';
  if (/endorsement/i.test(message)) return 'not_endorsed';
  if (/Issuer/i.test(message) || /No valid identity/i.test(message)) return 'wrong_issuer';
  if (/algorithm/i.test(message)) return 'wrong_algorithm';
  if (name === 'JsonWebTokenError') return 'malformed_token';
  return 'token_refused';
}

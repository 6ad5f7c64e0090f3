import { ClientSecretCredential, ManagedIdentityCredential, TokenCredential } from '@azure/identity';
import { GraphTokenSource } from './graphClient';

export type GraphAppIdentity =
  | { kind: 'clientSecret'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'managedIdentity'; clientId: string };

/**
 * The app's own identity for Graph (client credentials, or the web app's user-assigned managed identity). The token
 * stays on the server; the browser never sees a Graph token.
 */
export function appTokenSource(identity: GraphAppIdentity, baseUrl: string): GraphTokenSource {
  const credential: TokenCredential =
    identity.kind === 'clientSecret'
      ? new ClientSecretCredential(identity.tenantId, identity.clientId, identity.clientSecret)
      : new ManagedIdentityCredential({ clientId: identity.clientId });
  const scope = `${new URL(baseUrl).origin}/.default`;
  return async () => {
    const token = await credential.getToken(scope);
    if (!token) throw new Error('no Graph token for the app');
    return token.token;
  };
}

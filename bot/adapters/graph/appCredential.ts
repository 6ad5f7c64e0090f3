import { ClientSecretCredential, ManagedIdentityCredential, TokenCredential } from '@azure/identity';
import { z } from 'zod';
import { optionalText } from '../../settings';
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

/** The settings an app identity for Graph is read from (already trimmed; empty values as undefined). */
export interface GraphIdentitySettings {
  GRAPH_MANAGED_IDENTITY_CLIENT_ID?: string | undefined;
  AAD_APP_CLIENT_ID?: string | undefined;
  AAD_APP_TENANT_ID?: string | undefined;
  AAD_APP_CLIENT_SECRET?: string | undefined;
}

/** The settings every Graph feature reads: where Graph is and the app identity that calls it. */
export const graphSettings = {
  GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com'),
  GRAPH_MANAGED_IDENTITY_CLIENT_ID: optionalText,
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_TENANT_ID: optionalText,
  AAD_APP_CLIENT_SECRET: optionalText,
};

/** A named managed identity if there is one, else a complete client secret; null when neither is configured. */
export function graphIdentityFrom(settings: GraphIdentitySettings): GraphAppIdentity | null {
  if (settings.GRAPH_MANAGED_IDENTITY_CLIENT_ID) return { kind: 'managedIdentity', clientId: settings.GRAPH_MANAGED_IDENTITY_CLIENT_ID };
  if (settings.AAD_APP_CLIENT_ID && settings.AAD_APP_TENANT_ID && settings.AAD_APP_CLIENT_SECRET) {
    return { kind: 'clientSecret', tenantId: settings.AAD_APP_TENANT_ID, clientId: settings.AAD_APP_CLIENT_ID, clientSecret: settings.AAD_APP_CLIENT_SECRET };
  }
  return null;
}

/** The configuration problem when `what` needs Graph but no identity is configured. */
export function missingGraphIdentity(what: string): string {
  return `${what} needs an app identity for Graph: GRAPH_MANAGED_IDENTITY_CLIENT_ID, or AAD_APP_CLIENT_ID + AAD_APP_TENANT_ID + AAD_APP_CLIENT_SECRET.`;
}

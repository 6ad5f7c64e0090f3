import { z } from 'zod';
import { GraphAppIdentity } from './appCredential';

/** Direct reports from Microsoft Graph with the app's identity (application permission User.Read.All). */
export interface OrgDirectoryConfig {
  baseUrl: string;
  identity: GraphAppIdentity;
}

const optionalText = z
  .string()
  .optional()
  .transform((text) => (text === undefined || text.trim() === '' ? undefined : text.trim()));

const directoryEnvironment = z.object({
  CLPL_ORG_DIRECTORY: z.enum(['graph', 'map']).default('map'),
  GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com'),
  GRAPH_MANAGED_IDENTITY_CLIENT_ID: optionalText,
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_TENANT_ID: optionalText,
  AAD_APP_CLIENT_SECRET: optionalText,
});

/**
 * Null (the app's own line-management map alone) unless CLPL_ORG_DIRECTORY=graph, and always in local mode; problems
 * go to `problems`.
 */
export function loadOrgDirectoryConfig(env: Record<string, string | undefined>, localMode: boolean, problems: string[]): OrgDirectoryConfig | null {
  const parsed = directoryEnvironment.safeParse(env);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    return null;
  }
  const e = parsed.data;
  if (e.CLPL_ORG_DIRECTORY !== 'graph' || localMode) return null;
  let identity: GraphAppIdentity | null = null;
  if (e.GRAPH_MANAGED_IDENTITY_CLIENT_ID) identity = { kind: 'managedIdentity', clientId: e.GRAPH_MANAGED_IDENTITY_CLIENT_ID };
  else if (e.AAD_APP_CLIENT_ID && e.AAD_APP_TENANT_ID && e.AAD_APP_CLIENT_SECRET) {
    identity = { kind: 'clientSecret', tenantId: e.AAD_APP_TENANT_ID, clientId: e.AAD_APP_CLIENT_ID, clientSecret: e.AAD_APP_CLIENT_SECRET };
  }
  if (!identity) {
    problems.push('CLPL_ORG_DIRECTORY=graph needs an app identity for Graph: GRAPH_MANAGED_IDENTITY_CLIENT_ID, or AAD_APP_CLIENT_ID + AAD_APP_TENANT_ID + AAD_APP_CLIENT_SECRET.');
    return null;
  }
  return { baseUrl: e.GRAPH_BASE_URL, identity };
}

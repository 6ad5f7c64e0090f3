import { z } from 'zod';
import { GraphAppIdentity, graphIdentityFrom, missingGraphIdentity } from './appCredential';

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
  const identity = graphIdentityFrom(e);
  if (!identity) {
    problems.push(missingGraphIdentity('CLPL_ORG_DIRECTORY=graph'));
    return null;
  }
  return { baseUrl: e.GRAPH_BASE_URL, identity };
}

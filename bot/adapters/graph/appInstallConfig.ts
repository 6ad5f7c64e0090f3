import { z } from 'zod';
import { GraphAppIdentity, graphIdentityFrom, missingGraphIdentity } from './appCredential';

/** Installing the app for people the bot cannot reach: needs the app's id in the org catalog and a Graph identity. */
export interface AppInstallConfig {
  catalogAppId: string;
  baseUrl: string;
  identity: GraphAppIdentity;
}

const optionalText = z
  .string()
  .optional()
  .transform((text) => (text === undefined || text.trim() === '' ? undefined : text.trim()));

const installEnvironment = z.object({
  TEAMS_APP_CATALOG_ID: optionalText,
  GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com'),
  GRAPH_MANAGED_IDENTITY_CLIENT_ID: optionalText,
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_TENANT_ID: optionalText,
  AAD_APP_CLIENT_SECRET: optionalText,
});

/** Null when TEAMS_APP_CATALOG_ID is unset (then unreachable people are only recorded); problems go to `problems`. */
export function loadAppInstallConfig(env: Record<string, string | undefined>, problems: string[]): AppInstallConfig | null {
  const parsed = installEnvironment.safeParse(env);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    return null;
  }
  const e = parsed.data;
  if (!e.TEAMS_APP_CATALOG_ID) return null;
  const identity = graphIdentityFrom(e);
  if (!identity) {
    problems.push(missingGraphIdentity('TEAMS_APP_CATALOG_ID'));
    return null;
  }
  return { catalogAppId: e.TEAMS_APP_CATALOG_ID, baseUrl: e.GRAPH_BASE_URL, identity };
}

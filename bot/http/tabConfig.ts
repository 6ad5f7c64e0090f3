import { resolve } from 'node:path';
import { z } from 'zod';
import { GraphAppIdentity, graphIdentityFrom, graphSettings, missingGraphIdentity } from '../adapters/graph/appCredential';
import { optionalText, readSettings } from '../settings';

/** How the tab's API knows who is calling (Teams SSO tokens), where goals are kept, and where the built tab is. */
export interface TabConfig {
  /** Teams SSO: null when the tab app registration is not configured (then only local mode's development identity). */
  sso: TabSsoConfig | null;
  goals: { kind: 'local' } | { kind: 'graph'; siteId: string; listId: string; baseUrl: string; identity: GraphAppIdentity };
  /** The folder with the built tab (`npm run build:tab` writes it). */
  distDir: string;
}

export interface TabSsoConfig {
  tenantId: string;
  clientId: string;
  /** Accepted `aud` values: the Application ID URI (v1 tokens) and the client id (v2 tokens). */
  audiences: string[];
  /** Accepted `iss` values: the tenant's v1 and v2 issuers. */
  issuers: string[];
  jwksUrl: string;
}

const tabEnvironment = z.object({
  ...graphSettings,
  TAB_DOMAIN: optionalText,
  AAD_APP_ID_URI: optionalText,
  AAD_AUTHORITY_HOST: z.string().default('https://login.microsoftonline.com'),
  TAB_SSO_JWKS_URL: optionalText,
  TAB_SSO_ISSUERS: optionalText,
  GOALS_STORE: z.enum(['local', 'graph']).default('local'),
  GRAPH_SITE_ID: optionalText,
  GRAPH_GOALS_LIST_ID: optionalText,
  TAB_DIST_DIR: optionalText,
});

/** Reads the tab's settings; every problem goes to `problems` (config.ts reports them all together). */
export function loadTabConfig(env: Record<string, string | undefined>, problems: string[]): TabConfig {
  const e = readSettings(tabEnvironment, env, problems);
  if (!e) return { sso: null, goals: { kind: 'local' }, distDir: resolve('dist/tab') };

  let sso: TabSsoConfig | null = null;
  if (e.AAD_APP_CLIENT_ID || e.AAD_APP_TENANT_ID) {
    if (!e.AAD_APP_CLIENT_ID || !e.AAD_APP_TENANT_ID) problems.push('Tab single sign-on needs both AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID.');
    else {
      const tenantId = e.AAD_APP_TENANT_ID;
      const idUri = e.AAD_APP_ID_URI ?? (e.TAB_DOMAIN ? `api://${e.TAB_DOMAIN}/${e.AAD_APP_CLIENT_ID}` : undefined);
      const authority = e.AAD_AUTHORITY_HOST.replace(/\/+$/, '');
      sso = {
        tenantId,
        clientId: e.AAD_APP_CLIENT_ID,
        audiences: [e.AAD_APP_CLIENT_ID, ...(idUri ? [idUri] : [])],
        issuers: e.TAB_SSO_ISSUERS?.split(/[,;\s]+/).filter(Boolean) ?? [`https://sts.windows.net/${tenantId}/`, `${authority}/${tenantId}/v2.0`],
        jwksUrl: e.TAB_SSO_JWKS_URL ?? `${authority}/${tenantId}/discovery/v2.0/keys`,
      };
    }
  }

  let goals: TabConfig['goals'] = { kind: 'local' };
  if (e.GOALS_STORE === 'graph') {
    if (!e.GRAPH_SITE_ID) problems.push('GOALS_STORE=graph needs GRAPH_SITE_ID (the SharePoint site holding the goals list).');
    if (!e.GRAPH_GOALS_LIST_ID) problems.push('GOALS_STORE=graph needs GRAPH_GOALS_LIST_ID (see scripts/createGoalsList.ts).');
    const identity = graphIdentityFrom(e);
    if (!identity) problems.push(missingGraphIdentity('GOALS_STORE=graph'));
    if (e.GRAPH_SITE_ID && e.GRAPH_GOALS_LIST_ID && identity) {
      goals = { kind: 'graph', siteId: e.GRAPH_SITE_ID, listId: e.GRAPH_GOALS_LIST_ID, baseUrl: e.GRAPH_BASE_URL, identity };
    }
  }

  return { sso, goals, distDir: resolve(e.TAB_DIST_DIR ?? 'dist/tab') };
}

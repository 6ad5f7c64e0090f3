import { z } from 'zod';
import { optionalText, readSettings } from '../../settings';
import { GraphAppIdentity, graphIdentityFrom, graphSettings, missingGraphIdentity } from './appCredential';

/** Installing the app for people the bot cannot reach: needs the app's id in the org catalog and a Graph identity. */
export interface AppInstallConfig {
  catalogAppId: string;
  baseUrl: string;
  identity: GraphAppIdentity;
}

const installEnvironment = z.object({ TEAMS_APP_CATALOG_ID: optionalText, ...graphSettings });

/** Null when TEAMS_APP_CATALOG_ID is unset (then unreachable people are only recorded); problems go to `problems`. */
export function loadAppInstallConfig(env: Record<string, string | undefined>, problems: string[]): AppInstallConfig | null {
  const e = readSettings(installEnvironment, env, problems);
  if (!e?.TEAMS_APP_CATALOG_ID) return null;
  const identity = graphIdentityFrom(e);
  if (!identity) {
    problems.push(missingGraphIdentity('TEAMS_APP_CATALOG_ID'));
    return null;
  }
  return { catalogAppId: e.TEAMS_APP_CATALOG_ID, baseUrl: e.GRAPH_BASE_URL, identity };
}

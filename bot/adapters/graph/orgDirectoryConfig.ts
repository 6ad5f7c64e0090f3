import { z } from 'zod';
import { readSettings } from '../../settings';
import { GraphAppIdentity, graphIdentityFrom, graphSettings, missingGraphIdentity } from './appCredential';

/** Direct reports from Microsoft Graph with the app's identity (application permission User.Read.All). */
export interface OrgDirectoryConfig {
  baseUrl: string;
  identity: GraphAppIdentity;
}

const directoryEnvironment = z.object({ CLPL_ORG_DIRECTORY: z.enum(['graph', 'map']).default('map'), ...graphSettings });

/**
 * Null (the app's own line-management map alone) unless CLPL_ORG_DIRECTORY=graph, and always in local mode; problems
 * go to `problems`.
 */
export function loadOrgDirectoryConfig(env: Record<string, string | undefined>, localMode: boolean, problems: string[]): OrgDirectoryConfig | null {
  const e = readSettings(directoryEnvironment, env, problems);
  if (!e || e.CLPL_ORG_DIRECTORY !== 'graph' || localMode) return null;
  const identity = graphIdentityFrom(e);
  if (!identity) {
    problems.push(missingGraphIdentity('CLPL_ORG_DIRECTORY=graph'));
    return null;
  }
  return { baseUrl: e.GRAPH_BASE_URL, identity };
}

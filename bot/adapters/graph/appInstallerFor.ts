import { AppInstaller } from '../../ports/reachability';
import { appTokenSource } from './appCredential';
import { AppInstallConfig } from './appInstallConfig';
import { GraphAppInstaller } from './graphAppInstaller';
import { createGraphClient } from './graphClient';

/** The Graph installer when configured (TEAMS_APP_CATALOG_ID), else null: unreachable people are then only recorded. */
export function appInstallerFor(config: AppInstallConfig | null): AppInstaller | null {
  if (!config) return null;
  const client = createGraphClient({ baseUrl: config.baseUrl, getToken: appTokenSource(config.identity, config.baseUrl) });
  return new GraphAppInstaller({ client, catalogAppId: config.catalogAppId });
}

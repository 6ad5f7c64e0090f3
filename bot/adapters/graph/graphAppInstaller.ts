import { Client } from '@microsoft/microsoft-graph-client';
import { AppInstaller } from '../../ports/reachability';

/**
 * Installs the Teams app for a user in personal scope (`POST /users/{id}/teamwork/installedApps`, application
 * permission TeamsAppInstallation.ReadWriteSelfForUser.All). Teams then sends the bot an installationUpdate with the
 * user's conversation reference, which the bot stores like any other.
 */
export class GraphAppInstaller implements AppInstaller {
  constructor(private readonly deps: { client: Client; catalogAppId: string }) {}

  async install(personId: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    try {
      await this.deps.client.api(`/users/${encodeURIComponent(personId)}/teamwork/installedApps`).post({
        // Graph resolves the binding itself; the host is always the public Graph, whatever cloud serves the call.
        'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${encodeURIComponent(this.deps.catalogAppId)}`,
      });
      return { ok: true };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      // Already installed: nothing to do, the address may simply not have arrived yet.
      if (status === 409) return { ok: true };
      if (status === 403) return { ok: false, reason: 'Graph refused to install the app (HTTP 403): the TeamsAppInstallation.ReadWriteSelfForUser.All permission may be missing, or a policy blocks the app' };
      if (status === 404) return { ok: false, reason: 'Graph could not install the app (HTTP 404): the user or the app in the org catalog was not found' };
      if (status === 400) return { ok: false, reason: 'Graph could not install the app (HTTP 400): the user may have no Teams licence' };
      throw error;
    }
  }
}

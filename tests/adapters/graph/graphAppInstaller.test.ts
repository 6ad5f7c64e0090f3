import { GraphAppInstaller } from '../../../bot/adapters/graph/graphAppInstaller';
import { loadAppInstallConfig } from '../../../bot/adapters/graph/appInstallConfig';
import { createGraphClient } from '../../../bot/adapters/graph/graphClient';
import { GraphInstallStandIn } from '../../support/graphInstallStandIn';

describe('installing the Teams app for a person through Graph', () => {
  let graph: GraphInstallStandIn;
  let installer: GraphAppInstaller;
  beforeEach(async () => {
    graph = await new GraphInstallStandIn().start();
    const client = createGraphClient({ baseUrl: graph.url, getToken: async () => graph.token, maxRetries: 0 });
    installer = new GraphAppInstaller({ client, catalogAppId: 'catalog-app-1' });
  });
  afterEach(() => graph.stop());

  it('posts the catalog app binding for the user with the app token', async () => {
    expect(await installer.install('user-1')).toEqual({ ok: true });
    expect(graph.installs).toEqual([
      { userId: 'user-1', body: { 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/catalog-app-1' }, authorization: 'Bearer graph-app-token' },
    ]);
  });

  it('treats an app that is already installed as installed', async () => {
    graph.installed.add('user-1');
    expect(await installer.install('user-1')).toEqual({ ok: true });
  });

  it.each([
    [403, 'TeamsAppInstallation.ReadWriteSelfForUser.All'],
    [404, 'not found'],
  ])('gives the reason when Graph answers %i', async (status, words) => {
    graph.statusFor.set('user-1', status);
    const result = await installer.install('user-1');
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toContain(words);
  });
});

describe('the app installation settings', () => {
  it('are off without TEAMS_APP_CATALOG_ID', () => {
    const problems: string[] = [];
    expect(loadAppInstallConfig({}, problems)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('need a Graph identity beside the catalog id', () => {
    const problems: string[] = [];
    expect(loadAppInstallConfig({ TEAMS_APP_CATALOG_ID: 'app-1' }, problems)).toBeNull();
    expect(problems.join(' ')).toContain('GRAPH_MANAGED_IDENTITY_CLIENT_ID');
    expect(loadAppInstallConfig({ TEAMS_APP_CATALOG_ID: 'app-1', GRAPH_MANAGED_IDENTITY_CLIENT_ID: 'mi-1' }, [])).toEqual({
      catalogAppId: 'app-1',
      baseUrl: 'https://graph.microsoft.com',
      identity: { kind: 'managedIdentity', clientId: 'mi-1' },
    });
  });
});

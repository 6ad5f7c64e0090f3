import { loadOrgDirectoryConfig } from '../../../bot/adapters/graph/orgDirectoryConfig';

describe('where direct reports come from', () => {
  const secret = { AAD_APP_CLIENT_ID: 'c', AAD_APP_TENANT_ID: 't', AAD_APP_CLIENT_SECRET: 's' };

  it('is the app map alone by default and always in local mode', () => {
    const problems: string[] = [];
    expect(loadOrgDirectoryConfig({}, false, problems)).toBeNull();
    expect(loadOrgDirectoryConfig({ CLPL_ORG_DIRECTORY: 'graph', ...secret }, true, problems)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('is Graph with the app identity when asked for', () => {
    expect(loadOrgDirectoryConfig({ CLPL_ORG_DIRECTORY: 'graph', ...secret }, false, [])).toEqual({
      baseUrl: 'https://graph.microsoft.com',
      identity: { kind: 'clientSecret', tenantId: 't', clientId: 'c', clientSecret: 's' },
    });
  });

  it('refuses Graph without an identity, and an unknown choice', () => {
    const problems: string[] = [];
    loadOrgDirectoryConfig({ CLPL_ORG_DIRECTORY: 'graph' }, false, problems);
    loadOrgDirectoryConfig({ CLPL_ORG_DIRECTORY: 'ldap' }, false, problems);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/needs an app identity/);
  });
});

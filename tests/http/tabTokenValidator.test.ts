import { TabTokenValidator } from '../../bot/http/auth/tabTokenValidator';
import { loadTabConfig, TabSsoConfig } from '../../bot/http/tabConfig';
import { applicationIdUri, clientId, EntraStandIn, strangerKey, tenantId } from '../support/entraStandIn';

describe('Teams SSO token validation', () => {
  let entra: EntraStandIn;
  let validator: TabTokenValidator;
  const ailsa = { oid: 'ailsa-oid', name: 'Ailsa Brown' };

  beforeAll(async () => {
    entra = await new EntraStandIn().start();
    const problems: string[] = [];
    const sso = loadTabConfig(entra.env(), problems).sso as TabSsoConfig;
    expect(problems).toEqual([]);
    validator = new TabTokenValidator(sso);
  });
  afterAll(() => entra.stop());

  it('accepts a v2 token signed with the tenant\'s published key and identifies the person by oid', async () => {
    await expect(validator.identify(await entra.token(ailsa))).resolves.toEqual({ id: 'ailsa-oid', name: 'Ailsa Brown' });
    expect(entra.jwksRequests).toBeGreaterThan(0);
  });

  it('accepts a v1 token (sts.windows.net issuer, Application ID URI audience)', async () => {
    const token = await entra.token(ailsa, { iss: `https://sts.windows.net/${tenantId}/`, aud: applicationIdUri, ver: '1.0', scp: 'User.Read access_as_user' });
    await expect(validator.identify(token)).resolves.toMatchObject({ id: 'ailsa-oid' });
  });

  const refused: [string, () => Promise<string>, RegExp][] = [
    ['signed with a key the tenant never published', async () => entra.token(ailsa, {}, { key: await strangerKey() }), /signature/i],
    ['signed with an unknown kid', async () => entra.token(ailsa, {}, { kid: 'other', key: await strangerKey() }), /NO_MATCHING_KEY/],
    ['for another app (wrong audience)', () => entra.token(ailsa, { aud: 'api://someone-else/123' }), /aud/],
    ['from another tenant (issuer)', () => entra.token(ailsa, { iss: 'https://login.microsoftonline.com/other-tenant/v2.0' }), /iss/],
    ['with the right issuer but another tid', () => entra.token(ailsa, { tid: 'other-tenant' }), /another tenant/],
    ['expired', () => entra.token(ailsa, {}, { expiresInSeconds: -600 }), /exp/],
    ['without the access_as_user scope', () => entra.token(ailsa, { scp: 'User.Read' }), /access_as_user/],
    ['without an oid', () => entra.token(ailsa, { oid: undefined }), /oid/],
  ];
  it.each(refused)('refuses a token %s', async (_what, make, reason) => {
    await expect(validator.identify(await make())).rejects.toMatchObject({ name: 'Unauthenticated', reason: expect.stringMatching(reason) });
  });

  it('refuses something that is not a token at all', async () => {
    await expect(validator.identify('not.a.token')).rejects.toMatchObject({ name: 'Unauthenticated' });
  });

  it('configuration: issuers are the tenant\'s v1 and v2, audiences the client id and the Application ID URI', () => {
    const problems: string[] = [];
    const sso = loadTabConfig({ AAD_APP_CLIENT_ID: clientId, AAD_APP_TENANT_ID: tenantId, TAB_DOMAIN: 'clpl.example.net' }, problems).sso!;
    expect(sso.issuers).toEqual([`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`]);
    expect(sso.audiences).toEqual([clientId, applicationIdUri]);
    expect(sso.jwksUrl).toBe(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`);
    expect(loadTabConfig({ AAD_APP_CLIENT_ID: clientId }, problems).sso).toBeNull();
    expect(problems).toEqual(['Tab single sign-on needs both AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID.']);
  });

  it('configuration: GOALS_STORE=graph names everything it is missing', () => {
    const problems: string[] = [];
    loadTabConfig({ GOALS_STORE: 'graph' }, problems);
    expect(problems).toEqual([
      expect.stringContaining('GRAPH_SITE_ID'),
      expect.stringContaining('GRAPH_GOALS_LIST_ID'),
      expect.stringContaining('app identity'),
    ]);
  });
});

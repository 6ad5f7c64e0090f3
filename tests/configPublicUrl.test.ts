import { loadConfig } from '../bot/config';

describe('the public address used for calendar links', () => {
  const local = { CLPL_LOCAL: '1' };

  it('is CLPL_PUBLIC_URL when set', () => {
    expect(loadConfig({ ...local, CLPL_PUBLIC_URL: 'https://clpl.balerno.example', WEBSITE_HOSTNAME: 'x.azurewebsites.net' }).publicUrl).toBe('https://clpl.balerno.example');
  });

  it("falls back to Azure App Service's host name, over https", () => {
    expect(loadConfig({ ...local, WEBSITE_HOSTNAME: 'clpl-dev.azurewebsites.net' }).publicUrl).toBe('https://clpl-dev.azurewebsites.net');
  });

  it('is unknown otherwise (local mode then uses the listening address)', () => {
    expect(loadConfig(local).publicUrl).toBeNull();
  });

  it('refuses something that is not an address', () => {
    expect(() => loadConfig({ ...local, CLPL_PUBLIC_URL: 'clpl.example' })).toThrow(/CLPL_PUBLIC_URL/);
  });
});

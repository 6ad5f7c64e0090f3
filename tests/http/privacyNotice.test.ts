import { loadConfig } from '../../bot/config';
import { RunningServer } from '../../bot/server';
import { startTabServer } from './tabServer';

const settings = {
  CLPL_CONTROLLER_NAME: 'City of Edinburgh Council <Children & Families>',
  CLPL_CONTROLLER_CONTACT: 'dataprotection@edinburgh.example',
  CLPL_DPO_CONTACT: 'https://www.edinburgh.example/dpo',
  CLPL_DATA_REGION: 'uksouth',
};

async function get(server: RunningServer, path: string) {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), text: await res.text() };
}

describe('the privacy notice and terms the app serves itself', () => {
  let server: RunningServer;
  afterEach(() => server.close());

  it('fill in the controller, its contact, the DPO and the region from the deployment’s settings, escaped', async () => {
    server = await startTabServer(settings);
    const notice = await get(server, '/privacy');
    expect(notice.status).toBe(200);
    expect(notice.type).toContain('text/html');
    expect(notice.csp).toContain("default-src 'none'");
    for (const text of ['City of Edinburgh Council &lt;Children &amp; Families&gt;', 'dataprotection@edinburgh.example', 'https://www.edinburgh.example/dpo', 'UK South (London) (uksouth)', 'pseudonymous', 'Microsoft', 'say "my record"', 'at least 5 people']) {
      expect(notice.text).toContain(text);
    }
    expect(notice.text).not.toContain('<Children');
    // The retention periods are the deployment's settings (defaults 6 years, 90 days).
    expect(notice.text).toContain('kept for 6 years');
    expect(notice.text).toContain('erased 90 days later');
    const terms = await get(server, '/terms');
    expect(terms.status).toBe(200);
    expect(terms.text).toContain('City of Edinburgh Council &lt;Children &amp; Families&gt;');
    expect(terms.text).toContain('href="/privacy"');
  });

  it('in local mode without settings, say loudly that they are placeholders', async () => {
    server = await startTabServer();
    const notice = await get(server, '/privacy');
    expect(notice.status).toBe(200);
    expect(notice.text).toContain('This is a local development server');
    for (const variable of ['CLPL_CONTROLLER_NAME', 'CLPL_CONTROLLER_CONTACT', 'CLPL_DPO_CONTACT', 'CLPL_DATA_REGION']) expect(notice.text).toContain(`The deployment sets ${variable}`);
  });
});

describe('privacy settings', () => {
  const base = { CLPL_LOCAL: '1' };

  it('are optional, and read trimmed', () => {
    expect(loadConfig(base).privacy).toEqual({ controllerName: null, controllerContact: null, dpoContact: null, dataRegion: null });
    expect(loadConfig({ ...base, ...settings, CLPL_DATA_REGION: ' ukwest ' }).privacy).toEqual({
      controllerName: settings.CLPL_CONTROLLER_NAME,
      controllerContact: settings.CLPL_CONTROLLER_CONTACT,
      dpoContact: settings.CLPL_DPO_CONTACT,
      dataRegion: 'ukwest',
    });
    expect(loadConfig({ ...base, CLPL_DPO_CONTACT: '0131 200 2000' }).privacy.dpoContact).toBe('0131 200 2000');
  });

  it('refuse a contact that is not an email, web address or telephone number, and a region that is not a region name', () => {
    expect(() => loadConfig({ ...base, CLPL_DPO_CONTACT: 'ask Morag', CLPL_CONTROLLER_CONTACT: 'http://insecure.example', CLPL_DATA_REGION: 'UK South' })).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([expect.stringContaining('CLPL_DPO_CONTACT'), expect.stringContaining('CLPL_CONTROLLER_CONTACT'), expect.stringContaining('CLPL_DATA_REGION')]),
      }),
    );
  });
});

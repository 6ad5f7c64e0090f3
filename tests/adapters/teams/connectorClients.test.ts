import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { ConnectorClientCache, ReusingBotFrameworkAuthentication } from '../../../bot/adapters/teams/connectorClients';

/** A stand-in for botbuilder's connector factory: counts the clients it builds. */
function countingFactory(appId: string, fail = false) {
  let built = 0;
  const factory = {
    appId,
    create: async (serviceUrl: string, audience?: string) => {
      built += 1;
      if (fail) throw new Error('credentials unavailable');
      return { serviceUrl, audience, n: built };
    },
  };
  return { factory: factory as never, built: () => built };
}

describe('connector clients kept between turns', () => {
  it('a second turn to the same service URL reuses the client the first one built', async () => {
    const cache = new ConnectorClientCache();
    const { factory, built } = countingFactory('bot-app');
    const first = await cache.reusing(factory).create('https://smba.trafficmanager.net/emea/', 'https://api.botframework.com');
    const second = await cache.reusing(factory).create('https://smba.trafficmanager.net/emea/', 'https://api.botframework.com');
    expect(second).toBe(first);
    expect(built()).toBe(1);
  });

  it('another service URL, audience or app id gets a client of its own', async () => {
    const cache = new ConnectorClientCache();
    const bot = countingFactory('bot-app');
    const other = countingFactory('other-app');
    await cache.reusing(bot.factory).create('https://a.example/', 'x');
    await cache.reusing(bot.factory).create('https://b.example/', 'x');
    await cache.reusing(bot.factory).create('https://a.example/', 'y');
    await cache.reusing(other.factory).create('https://a.example/', 'x');
    expect(bot.built()).toBe(3);
    expect(other.built()).toBe(1);
    expect(cache.size).toBe(4);
  });

  it('a client that could not be built is not kept, so the next turn tries again', async () => {
    const cache = new ConnectorClientCache();
    const failing = countingFactory('bot-app', true);
    await expect(cache.reusing(failing.factory).create('https://a.example/')).rejects.toThrow('credentials unavailable');
    await expect(cache.reusing(failing.factory).create('https://a.example/')).rejects.toThrow('credentials unavailable');
    expect(failing.built()).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('keeps at most the given number of clients, dropping the oldest', async () => {
    const cache = new ConnectorClientCache(2);
    const { factory, built } = countingFactory('bot-app');
    for (const url of ['https://a.example/', 'https://b.example/', 'https://c.example/']) await cache.reusing(factory).create(url);
    expect(cache.size).toBe(2);
    await cache.reusing(factory).create('https://a.example/');
    expect(built()).toBe(4);
  });
});

describe('the user-token client kept between turns', () => {
  /** As botbuilder's ClaimsIdentity answers for the claims of a Bot Framework token. */
  const identity = (claims: Record<string, string>) => ({ claims: Object.entries(claims).map(([type, value]) => ({ type, value })), isAuthenticated: true, getClaimValue: (type: string) => claims[type] ?? null }) as never;
  const authentication = () =>
    new ReusingBotFrameworkAuthentication(
      { MicrosoftAppId: 'bot-app', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-1' },
      new ConfigurationServiceClientCredentialFactory({ MicrosoftAppId: 'bot-app', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-1' }),
    );

  it('a second turn for the same bot reuses the client the first turn built', async () => {
    const auth = authentication();
    const first = await auth.createUserTokenClient(identity({ aud: 'bot-app' }));
    const second = await auth.createUserTokenClient(identity({ aud: 'bot-app', serviceurl: 'https://smba.trafficmanager.net/emea/' }));
    expect(second).toBe(first);
  });

  it('reads the app id from the audience, else the appid claim; a client for another app is refused', async () => {
    const auth = authentication();
    const bot = await auth.createUserTokenClient(identity({ aud: 'bot-app' }));
    expect(await auth.createUserTokenClient(identity({ appid: 'bot-app' }))).toBe(bot);
    await expect(auth.createUserTokenClient(identity({ aud: 'other-app' }))).rejects.toThrow('Invalid appId');
  });
});

import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>[0];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/**
 * Clients kept by key, each made once: concurrent asks for one key share the same promise, a client that could not
 * be made (credentials unavailable) is not kept, so the next turn tries again, and at most `maxEntries` are kept,
 * the oldest dropped first.
 */
class KeptClients<T> {
  private readonly clients = new Map<string, Promise<T>>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.clients.size;
  }

  get(key: string, make: () => Promise<T>): Promise<T> {
    const kept = this.clients.get(key);
    if (kept) return kept;
    const made = make();
    made.catch(() => {
      if (this.clients.get(key) === made) this.clients.delete(key);
    });
    if (this.clients.size >= this.maxEntries) {
      const oldest = this.clients.keys().next();
      if (!oldest.done) this.clients.delete(oldest.value);
    }
    this.clients.set(key, made);
    return made;
  }
}

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient for every turn and every proactive send: credentials and an
 * HTTP pipeline of a dozen policies, about a tenth of a sign-up's CPU. A client is safe to reuse (its credentials
 * cache and refresh their own tokens; the retired BotFrameworkAdapter kept one per service URL), so one is kept per
 * app id, service URL and audience. Bounded, because the service URL comes from the (authenticated) activity.
 */
export class ConnectorClientCache {
  private readonly clients: KeptClients<ConnectorClient>;

  constructor(maxEntries = 64) {
    this.clients = new KeptClients(maxEntries);
  }

  /** A factory that hands out the kept client where there is one and keeps the ones `factory` makes. */
  reusing(factory: ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(factory);
    const reusing: Pick<ConnectorFactory, 'create'> = {
      create: (serviceUrl, audience) => this.clients.get(`${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
    return reusing as ConnectorFactory;
  }

  get size(): number {
    return this.clients.size;
  }
}

/** botbuilder's factory is made for one app id (the bot's); it is not on the abstract type, so it is read defensively. */
function appIdOf(factory: ConnectorFactory): string {
  const appId = (factory as unknown as { appId?: unknown }).appId;
  return typeof appId === 'string' ? appId : '';
}

/**
 * The configured authentication, whose connector factories (used by proactive sends) reuse clients from `clients`.
 * The user-token client (for OAuth sign-in, which this bot does not use) is made on every turn too, a pipeline and
 * credentials each time; it depends only on the app id in the claims (audience, else appid), so one is kept per id.
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  readonly clients = new ConnectorClientCache();
  // Only the bot's own id arrives in practice; the bound keeps a stream of odd tokens from growing the map.
  private readonly userTokenClients = new KeptClients<UserTokenClient>(16);

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    // AuthenticationConstants.AudienceClaim and AppIdClaim, read as botframework-connector's getAppId does.
    const appId = claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
    return this.userTokenClients.get(appId, () => super.createUserTokenClient(claimsIdentity));
  }

  override createConnectorFactory(...args: Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>): ConnectorFactory {
    return this.clients.reusing(super.createConnectorFactory(...args));
  }
}

import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient for every turn and every proactive send: credentials and an
 * HTTP pipeline of a dozen policies, about a tenth of a sign-up's CPU. A client is safe to reuse (its credentials
 * cache and refresh their own tokens; the retired BotFrameworkAdapter kept one per service URL), so one is kept per
 * app id, service URL and audience. Bounded, because the service URL comes from the (authenticated) activity.
 */
export class ConnectorClientCache {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly maxEntries = 64) {}

  /** A factory that hands out the kept client where there is one and keeps the ones `factory` makes. */
  reusing(factory: ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(factory);
    const reusing: Pick<ConnectorFactory, 'create'> = {
      create: (serviceUrl, audience) => this.clientFor(`${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
    return reusing as ConnectorFactory;
  }

  get size(): number {
    return this.clients.size;
  }

  private clientFor(key: string, make: () => Promise<ConnectorClient>): Promise<ConnectorClient> {
    const kept = this.clients.get(key);
    if (kept) return kept;
    const made = make();
    // A client that could not be made (credentials unavailable) is not kept: the next turn tries again.
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

/** botbuilder's factory is made for one app id (the bot's); it is not on the abstract type, so it is read defensively. */
function appIdOf(factory: ConnectorFactory): string {
  const appId = (factory as unknown as { appId?: unknown }).appId;
  return typeof appId === 'string' ? appId : '';
}

/** The configured authentication, whose connector factories (used by proactive sends) reuse clients from `clients`. */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  readonly clients = new ConnectorClientCache();

  override createConnectorFactory(...args: Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>): ConnectorFactory {
    return this.clients.reusing(super.createConnectorFactory(...args));
  }
}

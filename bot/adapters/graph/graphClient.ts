import { Client, Context, HTTPMessageHandler, Middleware, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';

/** Gets an app-only access token for Microsoft Graph (client credentials or managed identity; a fake in tests). */
export type GraphTokenSource = () => Promise<string>;

export interface GraphClientOptions {
  /** `https://graph.microsoft.com` (a national cloud's Graph, or a loopback stand-in in tests). */
  baseUrl: string;
  version?: string;
  getToken: GraphTokenSource;
  /** Retries of a 429/503/504 (Retry-After honoured, else exponential back-off from `retryDelaySeconds`). */
  maxRetries?: number;
  retryDelaySeconds?: number;
}

/**
 * Adds the app's bearer token, and only to requests for the configured Graph: the token never goes anywhere else
 * (the client's own handler recognises only https Graph hosts, which would leave a loopback stand-in unauthenticated).
 */
class AppTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly origin: string,
    private readonly getToken: GraphTokenSource,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin !== this.origin) throw new Error(`refusing to send the Graph token to ${new URL(url).origin}`);
    const token = await this.getToken();
    context.options = context.options ?? {};
    const headers = new Headers(context.options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    context.options.headers = Object.fromEntries(headers.entries());
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** A Graph client whose middleware is: app token → retry on 429/503/504 honouring Retry-After → fetch. */
export function createGraphClient(options: GraphClientOptions): Client {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const retry = new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries ?? 3));
  return Client.initWithMiddleware({
    baseUrl: `${baseUrl}/`,
    defaultVersion: options.version ?? 'v1.0',
    middleware: [new AppTokenHandler(new URL(baseUrl).origin, options.getToken), retry, new HTTPMessageHandler()],
  });
}

/**
 * The path of an `@odata.nextLink` relative to the configured Graph, to hand back to `client.api()` (which only
 * recognises absolute https links to the public Graph). A link to anywhere else is refused.
 */
export function relativeNextLink(nextLink: string, baseUrl: string, version = 'v1.0'): string {
  const prefix = `${baseUrl.replace(/\/+$/, '')}/${version}/`;
  if (!nextLink.startsWith(prefix)) throw new Error('Graph returned a next page link outside the configured Graph endpoint');
  return nextLink.slice(prefix.length);
}

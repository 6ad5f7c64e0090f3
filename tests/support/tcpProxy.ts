import { AddressInfo, createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of a real server (PostgreSQL in the tests), so a test can make that server misbehave
 * as a network does: `stall()` holds every byte in both directions (a server that stopped answering, a dropped route:
 * connections stay open, nothing comes back), `cut()` ends every connection and refuses new ones (a server that went
 * away), and `restore()` lets everything through again (held bytes included).
 */
export class TcpProxy {
  private server: Server | null = null;
  private mode: 'through' | 'stalled' | 'cut' = 'through';
  private readonly links = new Set<Link>();
  port = 0;

  constructor(
    private readonly target: { host: string; port: number },
  ) {}

  /** A proxy for the host and port of a postgres:// (or any) URL. */
  static forUrl(url: string): TcpProxy {
    const parsed = new URL(url);
    return new TcpProxy({ host: parsed.hostname, port: Number(parsed.port || 5432) });
  }

  async start(): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The same URL, through this proxy. */
  proxied(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  stall(): void {
    this.mode = 'stalled';
  }

  cut(): void {
    this.mode = 'cut';
    for (const link of this.links) link.end();
  }

  restore(): void {
    this.mode = 'through';
    for (const link of this.links) link.flush();
  }

  async stop(): Promise<void> {
    for (const link of this.links) link.end();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    if (this.mode === 'cut') {
      client.destroy();
      return;
    }
    const link = new Link(client, this.target, () => this.mode === 'stalled', () => this.links.delete(link));
    this.links.add(link);
  }
}

/** One client connection and its own connection to the target; bytes wait in `held` while the proxy is stalled. */
class Link {
  private upstream: Socket | null = null;
  private readonly held: Array<{ to: 'upstream' | 'client'; chunk: Buffer }> = [];

  constructor(
    private readonly client: Socket,
    private readonly target: { host: string; port: number },
    private readonly stalled: () => boolean,
    private readonly gone: () => void,
  ) {
    client.on('data', (chunk: Buffer) => this.pass('upstream', chunk));
    client.on('error', () => this.end());
    client.on('close', () => this.end());
    if (!stalled()) this.connect();
  }

  flush(): void {
    if (!this.upstream) this.connect();
    for (const { to, chunk } of this.held.splice(0)) this.write(to, chunk);
  }

  end(): void {
    this.client.destroy();
    this.upstream?.destroy();
    this.gone();
  }

  private connect(): void {
    const upstream = createConnection(this.target);
    this.upstream = upstream;
    upstream.on('data', (chunk: Buffer) => this.pass('client', chunk));
    upstream.on('error', () => this.end());
    upstream.on('close', () => this.end());
  }

  private pass(to: 'upstream' | 'client', chunk: Buffer): void {
    if (this.stalled() || (to === 'upstream' && !this.upstream)) this.held.push({ to, chunk });
    else this.write(to, chunk);
  }

  private write(to: 'upstream' | 'client', chunk: Buffer): void {
    (to === 'upstream' ? this.upstream : this.client)?.write(chunk);
  }
}

import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * Stands in, on loopback, for the pre-authenticated download URL SharePoint/OneDrive gives a bot for a file sent in a
 * 1:1 chat (`content.downloadUrl` of a `file.download.info` attachment): a plain GET, no token. Records each request.
 */
export class FileDownloadStandIn {
  readonly requests: string[] = [];
  private readonly files = new Map<string, Buffer>();
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const file = this.files.get(req.url ?? '');
      if (!file) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/octet-stream');
      res.setHeader('content-length', String(file.length));
      res.end(file);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Serves `content` and answers its download URL. */
  serve(name: string, content: string | Buffer): string {
    const path = `/personal/slt/Documents/${encodeURIComponent(name)}?tempauth=${this.files.size + 1}`;
    this.files.set(path, Buffer.isBuffer(content) ? content : Buffer.from(content));
    return `${this.url}${path}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

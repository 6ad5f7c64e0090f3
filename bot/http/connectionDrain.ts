import type { Server as HttpServer, ServerResponse } from 'node:http';

/**
 * Stops a Node http server politely. `server.close()` alone stops listening and closes idle keep-alive connections,
 * but answers requests already in flight with `Connection: keep-alive`, so the client may send its next request on a
 * connection about to go away; `closeAllConnections()` resets them mid-answer. Here, once draining, every answer not yet
 * started says `Connection: close` (Node then ends the connection after it), and a connection that falls idle is closed.
 */
export class ConnectionDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;

  constructor(private readonly server: HttpServer) {
    server.on('request', (_req, res: ServerResponse) => {
      this.inFlight.add(res);
      if (this.draining) closeAfterAnswer(res);
      res.once('close', () => {
        this.inFlight.delete(res);
        // An answer that had already started when draining began leaves its connection idle once it ends.
        if (this.draining) setImmediate(() => this.server.closeIdleConnections());
      });
    });
  }

  isDraining(): boolean {
    return this.draining;
  }

  requestsInFlight(): number {
    return this.inFlight.size;
  }

  /** Stops listening and lets the requests in flight be answered; resolves once every connection has closed. */
  drain(): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const res of this.inFlight) closeAfterAnswer(res);
    this.server.closeIdleConnections();
    return closed;
  }

  /** Past the grace period: ends whatever is still open. */
  abort(): void {
    this.server.closeAllConnections();
  }
}

function closeAfterAnswer(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}

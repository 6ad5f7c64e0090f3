import { Pool, PoolClient } from 'pg';

/**
 * The connections the pipelined offer transactions run on, passed from one transaction to the next. A transaction
 * that has sent COMMIT hands its connection straight to the next one waiting: PostgreSQL runs a connection's
 * statements in order, so the next BEGIN follows that COMMIT, and the two leave in one socket write instead of
 * the connection going back to the pool and sitting idle for a round trip. On a busy offer board about two in five
 * sign-ups waited for a connection; each write to the database's socket is one of a sign-up's largest CPU costs.
 *
 * At most `limit` connections are held at once, the rest of the pool left to other queries; a transaction beyond
 * that waits its turn here, first come first served.
 */
export class ConnectionRelay {
  private held = 0;
  private readonly waiting: Array<{ resolve: (client: PoolClient) => void; reject: (error: unknown) => void }> = [];

  constructor(
    private readonly pool: Pool,
    private readonly limit: number,
  ) {}

  /** A connection for one transaction; give it back with `handOver` (after COMMIT is sent) or `release`. */
  take(): Promise<PoolClient> {
    if (this.held < this.limit) return this.connect();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /**
   * After COMMIT (or ROLLBACK) has been sent on `client` and before it is answered: the next transaction waiting takes
   * the connection at once. False when no one waits; the caller then releases it once answered.
   */
  handOver(client: PoolClient): boolean {
    const next = this.waiting.shift();
    if (!next) return false;
    next.resolve(client);
    return true;
  }

  /** Back to the pool (`error`: discarded, not reused); a transaction waiting here then takes a connection of its own. */
  release(client: PoolClient, error?: Error): void {
    client.release(error);
    this.held--;
    const next = this.waiting.shift();
    if (next) this.connect().then(next.resolve, next.reject);
  }

  private async connect(): Promise<PoolClient> {
    this.held++;
    try {
      return await this.pool.connect();
    } catch (error) {
      this.held--;
      throw error;
    }
  }
}

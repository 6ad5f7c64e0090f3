import { Socket } from 'node:net';
import { Client } from 'pg';

/**
 * Counts what the bot asks of PostgreSQL: statements, and the socket writes that carry them (statements sent
 * together, pipelined, share one). Unlike req/s these counts do not depend on what else runs on the machine. It wraps
 * node-postgres's Client.query and the socket's write methods for this process, so it is for benchmarks only.
 */
export class StatementCounter {
  statements = 0;
  socketWrites = 0;

  static install(postgresPort: number): StatementCounter {
    const counter = new StatementCounter();
    const query = Client.prototype.query as (...args: unknown[]) => unknown;
    (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: Client, ...args: unknown[]) {
      counter.statements++;
      return query.apply(this, args);
    };
    for (const method of ['_write', '_writev'] as const) {
      const write = (Socket.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!;
      (Socket.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[method] = function (this: Socket, ...args: unknown[]) {
        if (this.remotePort === postgresPort) counter.socketWrites++;
        return write.apply(this, args);
      };
    }
    return counter;
  }

  /** Counts during `work`. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: number; socketWrites: number }> {
    const [statements, socketWrites] = [this.statements, this.socketWrites];
    const result = await work();
    return { result, statements: this.statements - statements, socketWrites: this.socketWrites - socketWrites };
  }
}

import { Writable } from 'node:stream';
import { Kysely } from 'kysely';
import { Pool, PoolClient, QueryConfig } from 'pg';
import { Statement } from '../sql/prepared';
import { Database } from '../sql/schema';
import { WriteTransactions } from '../sql/transactions';
import { ConnectionRelay } from './connectionRelay';

/**
 * Write transactions on one pooled connection in pipeline mode (the pool is made with `pipeline: true`): a statement
 * is sent without waiting for the answers to those before it, and PostgreSQL still runs them in order. A sign-up so
 * costs two round trips instead of six: BEGIN with the locked read of the offer and its seats, then the writes with
 * COMMIT. Writes are awaited at COMMIT (see StatementTarget.write), after BEGIN is known to have succeeded, so nothing
 * is ever written outside the transaction. Statements sent in the same tick leave in one write to the socket; a
 * connection whose COMMIT is sent goes straight to the next transaction waiting (see ConnectionRelay).
 * `db` only compiles statements; at most `connections` of the pool's connections are used at once.
 */
export function pipelinedTransactions(pool: Pool, db: Kysely<Database>, connections: number): WriteTransactions {
  const relay = new ConnectionRelay(pool, connections);
  return async (work) => {
    const client = await relay.take();
    const batch = batchedWrites(client);
    const sent: Array<Promise<unknown>> = [];
    /** Every statement's outcome is kept in order: the first failure explains the rest ("transaction is aborted"). */
    const send = (query: string | QueryConfig) => {
      batch();
      const result = client.query(query);
      result.catch(() => undefined); // awaited later; not an unhandled rejection meanwhile
      sent.push(result);
      return result;
    };
    const begun = send('begin');
    let handedOver = false;
    try {
      const result = await work({
        db,
        run: async (statement) => (await send(queryOf(statement))).rows,
        async write(statement) {
          await begun;
          send(queryOf(statement));
        },
        async writeReturning(statement) {
          await begun;
          const answer = send(queryOf(statement)).then((result) => result.rows);
          answer.catch(() => undefined); // read after commit; if the transaction fails, its own error is the one thrown
          return { answer };
        },
      });
      const committed = send('commit');
      // Once COMMIT is sent the transaction ends whatever its answer, so the connection can serve the next one.
      handedOver = relay.handOver(client);
      await firstFailure(sent);
      // PostgreSQL answers COMMIT with ROLLBACK when the transaction had already failed.
      if ((await committed).command === 'ROLLBACK') throw new Error('the transaction was rolled back');
      if (!handedOver) relay.release(client);
      return result;
    } catch (error) {
      if (!handedOver) await settle(relay, client, error);
      throw (await firstFailure(sent).then(() => null, (failure: unknown) => failure)) ?? error;
    }
  };
}

/**
 * Holds the connection's socket writes until the end of the current tick, so that statements sent together cost one
 * system call rather than one each (a large share of a sign-up's CPU on a busy machine). It uses node-postgres's
 * socket, which its types do not show; should that change, statements are simply written one by one.
 */
function batchedWrites(client: PoolClient): () => void {
  const stream = (client as unknown as { connection?: { stream?: Partial<Writable> } }).connection?.stream;
  if (typeof stream?.cork !== 'function' || typeof stream.uncork !== 'function') return () => undefined;
  let corked = false;
  return () => {
    if (corked) return;
    corked = true;
    stream.cork!();
    process.nextTick(() => {
      corked = false;
      stream.uncork!();
    });
  };
}

/** A statement as node-postgres takes it; a named one is parsed and planned once per connection. */
export function queryOf({ sql, parameters, name }: Statement): QueryConfig {
  return name ? { name, text: sql, values: [...parameters] } : { text: sql, values: [...parameters] };
}

/** Resolves once every statement has answered; rejects with the first one (in the order sent) that failed. */
async function firstFailure(sent: ReadonlyArray<Promise<unknown>>): Promise<void> {
  const outcomes = await Promise.allSettled(sent);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Rolls back and returns the connection to the pool, or discards it if it cannot even do that. A transaction whose
 * COMMIT was sent needs neither: PostgreSQL ended it, and the connection already serves the next one.
 */
async function settle(relay: ConnectionRelay, client: PoolClient, error: unknown): Promise<void> {
  try {
    await client.query('rollback');
    relay.release(client);
  } catch {
    relay.release(client, error instanceof Error ? error : new Error(String(error)));
  }
}

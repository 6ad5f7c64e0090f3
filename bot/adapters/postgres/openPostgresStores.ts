import { Kysely, PostgresDialect } from 'kysely';
import { Pool, PoolClient, QueryConfig } from 'pg';
import { Stores } from '../../ports/stores';
import { Database } from '../sql/schema';
import { openSqlStores } from '../sql/sqlStores';
import { withinMs } from '../sql/storePing';
import { pipelinedTransactions, queryOf } from './pipelinedTransactions';

export interface PostgresStoreOptions {
  /**
   * An idle pooled connection failed (the server restarted, the network dropped it). The pool drops it and the next
   * query opens a new one; without a listener node-postgres would throw the error and end the process.
   */
  onConnectionError?: (error: Error) => void;
}

const poolSize = 10;
/**
 * The pipelined write transactions (sign-ups, send-budget reservations, people first seen) use at most this many at
 * once; the rest serve other queries. Few on purpose: transactions that wait for a connection run together in one
 * (see pipelinedTransactions.ts), so fewer connections mean larger groups and fewer socket writes per sign-up. Before
 * grouping, 3 cost less bot CPU per sign-up than 8 in three bench rounds out of three; with grouping, 2, 3 and 6 gave
 * the same 0.36 socket writes per sign-up, and req/s moved more with the machine than with the limit.
 */
const offerTransactionConnections = 3;

/** Waiting longer than this for a connection (a new one, or a free one from the pool) fails the query instead of hanging. */
const connectTimeoutMs = 10_000;

/** The scale-out store: several app instances (or a whole local authority) share one PostgreSQL database. */
export async function openPostgresStores(connectionString: string, options: PostgresStoreOptions = {}): Promise<Stores> {
  // keepAlive: a connection to a server that vanished is noticed by TCP instead of lingering in the pool.
  // Pipeline mode lets the offer transactions send statements without waiting for each answer (see
  // pipelinedTransactions.ts); Kysely's own queries await each answer anyway, so they are unchanged by it.
  const pool = new Pool({ connectionString, max: poolSize, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true, pipeline: true });
  pool.on('error', (error) => options.onConnectionError?.(error));
  // A connection cut while a client is checked out (between a transaction's statements) is reported on the client, not
  // the pool; unheard, it would crash the process. The statement waiting on it fails and its transaction rolls back.
  pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError?.(error)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(connectionString);
  const transactions = pipelinedTransactions(pool, db, offerTransactionConnections);
  return openSqlStores(db, 'postgres', `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`, {
    ping: (timeoutMs) => pingPool(pool, timeoutMs),
    offerTransactions: { transactions },
    ridingWrites: transactions,
    runStatement: async (statement) => (await pool.query(queryOf(statement))).rows,
  });
}

/**
 * `select 1` on a pooled connection, bounded as a whole by `timeoutMs`: waiting for a connection, then for the answer
 * (node-postgres' per-query `query_timeout`). A connection that did not answer is destroyed, not returned to the pool,
 * so a server that stopped answering cannot leave the app a stuck connection; one that arrives after we gave up goes
 * straight back.
 */
async function pingPool(pool: Pool, timeoutMs: number): Promise<void> {
  const started = Date.now();
  const connecting = pool.connect();
  let client: PoolClient;
  try {
    client = await withinMs(connecting, timeoutMs);
  } catch (error) {
    connecting.then((late) => late.release(), () => undefined);
    throw error;
  }
  try {
    // node-postgres reads `query_timeout` per query (lib/client.js); its type declarations omit it.
    const selectOne: QueryConfig & { query_timeout: number } = { text: 'select 1', query_timeout: Math.max(1, timeoutMs - (Date.now() - started)) };
    await client.query(selectOne);
    client.release();
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { Stores } from '../../ports/stores';
import { Database } from '../sql/schema';
import { openSqlStores } from '../sql/sqlStores';
import { pipelinedTransactions, queryOf } from './pipelinedTransactions';

/** The scale-out store: several app instances (or a whole local authority) share one PostgreSQL database. */
export async function openPostgresStores(connectionString: string): Promise<Stores> {
  // Pipeline mode lets the offer transactions send statements without waiting for each answer (see
  // pipelinedTransactions.ts); Kysely's own queries await each answer anyway, so they are unchanged by it.
  const pool = new Pool({ connectionString, max: 10, pipeline: true });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(connectionString);
  return openSqlStores(db, 'postgres', `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`, {
    offerTransactions: { transactions: pipelinedTransactions(pool, db) },
    runStatement: async (statement) => (await pool.query(queryOf(statement))).rows,
  });
}

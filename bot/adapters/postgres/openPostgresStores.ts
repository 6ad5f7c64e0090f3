import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { Stores } from '../../ports/stores';
import { Database } from '../sql/schema';
import { openSqlStores } from '../sql/sqlStores';

/** The scale-out store: several app instances (or a whole local authority) share one PostgreSQL database. */
export async function openPostgresStores(connectionString: string): Promise<Stores> {
  const pool = new Pool({ connectionString, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(connectionString);
  return openSqlStores(db, 'postgres', `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`);
}

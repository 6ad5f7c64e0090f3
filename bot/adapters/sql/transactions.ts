import { Kysely, sql } from 'kysely';
import { Database, Dialect } from './schema';

/**
 * One write transaction whose first read is already fresh. SQLite: `BEGIN IMMEDIATE` takes the write lock up front,
 * so no writer in this or another process interleaves (a deferred BEGIN could fail to upgrade its lock); waiting for
 * another process's lock is done by the SQLite adapter.
 * PostgreSQL: a normal transaction; callers lock the rows they decide on (`FOR UPDATE`).
 */
export async function inWriteTransaction<T>(
  db: Kysely<Database>,
  dialect: Dialect,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute((trx) => work(trx));
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      // SQLite may already have rolled back (e.g. on SQLITE_FULL); the original error is the one worth reporting.
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

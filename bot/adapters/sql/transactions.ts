import { Kysely, sql } from 'kysely';
import { Database, Dialect } from './schema';

/**
 * One write transaction whose first read is already fresh. SQLite: `BEGIN IMMEDIATE` takes the write lock up front,
 * so no writer in this or another process interleaves (a deferred BEGIN could fail to upgrade its lock).
 * PostgreSQL: a normal transaction; callers lock the rows they decide on (`FOR UPDATE`).
 */
export async function inWriteTransaction<T>(
  db: Kysely<Database>,
  dialect: Dialect,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute((trx) => work(trx));
  return db.connection().execute(async (connection) => {
    await beginImmediate(connection);
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

/**
 * better-sqlite3 waits for a lock by blocking the thread, so its busy timeout is kept short and a write lock held by
 * another process is waited for here, asynchronously, without freezing every other request.
 */
async function beginImmediate(connection: Kysely<Database>, maxWaitMs = 15_000): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await sql`begin immediate`.execute(connection);
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code === 'SQLITE_BUSY';
      if (!busy || Date.now() - started > maxWaitMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}

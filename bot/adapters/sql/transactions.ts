import { Compilable, Kysely, sql } from 'kysely';
import { Database, Dialect } from './schema';
import { sequentialTarget, StatementTarget, statementOf } from './prepared';

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

/**
 * What a write transaction may tell its runner beforehand. `key` names what it locks (say `offer:<id>`): a runner may
 * then run it inside one database transaction together with others whose keys differ (PostgreSQL does, see
 * pipelinedTransactions.ts); one without a key runs alone. Transactions whose keys differ must lock different rows.
 */
export interface WriteTransactionOptions {
  key?: string;
}

/** Runs `work` in one write transaction, its statements going to `target`; commits if it returns, else rolls back. */
export type WriteTransactions = <T>(work: (target: StatementTarget) => Promise<T>, options?: WriteTransactionOptions) => Promise<T>;

/** Write transactions through Kysely (see inWriteTransaction), statement after statement. */
export function kyselyWriteTransactions(db: Kysely<Database>, dialect: Dialect): WriteTransactions {
  return (work) => inWriteTransaction(db, dialect, (trx) => work(sequentialTarget(trx)));
}

/**
 * One write that needs no transaction of its own: run as it is, or, given `ridingWith`, as a write transaction under
 * `key` that may ride along with others (see SqlStoreOptions.ridingWrites).
 */
export async function writeRidingAlong(query: Compilable<unknown> & { execute(): Promise<unknown> }, ridingWith: WriteTransactions | undefined, key: string): Promise<void> {
  if (!ridingWith) await query.execute();
  else await ridingWith((target) => target.write(statementOf(query)), { key });
}

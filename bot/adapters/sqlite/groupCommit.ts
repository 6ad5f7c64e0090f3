import { Kysely } from 'kysely';
import { RunStatement, sequentialTarget } from '../sql/prepared';
import { Database } from '../sql/schema';
import { inWriteTransaction, WriteTransactions } from '../sql/transactions';

interface Waiting {
  work: Parameters<WriteTransactions>[0];
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/**
 * Write transactions that wait for SQLite's one writer are committed together (group commit): each still runs alone,
 * from a fresh read, one after another, inside a savepoint of its own, so one that fails is rolled back without
 * touching the others; their callers hear of success only once the shared COMMIT is on disk. A sign-up is a few
 * microseconds of SQL, and BEGIN IMMEDIATE with COMMIT (which writes every changed page to the WAL, and now and
 * then checkpoints it) cost more than the rest of it together, so under load this is most of the database's time.
 * Nothing waits to fill a group: it is whatever queued while the previous one ran, so a lone request is not slowed.
 */
export function groupCommitTransactions(db: Kysely<Database>, run: RunStatement, maxGroup = 64): WriteTransactions {
  const queue: Waiting[] = [];
  let draining = false;

  const drain = async () => {
    draining = true;
    try {
      while (queue.length > 0) await commitTogether(db, run, queue.splice(0, maxGroup));
    } finally {
      draining = false;
    }
  };

  return <T>(work: Parameters<WriteTransactions>[0]) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (result: unknown) => void, reject });
      if (!draining) void drain();
    });
}

const savepoint = { sql: 'savepoint member', parameters: [] };
const rollbackToSavepoint = { sql: 'rollback to member', parameters: [] };
const releaseSavepoint = { sql: 'release member', parameters: [] };

async function commitTogether(db: Kysely<Database>, run: RunStatement, group: Waiting[]): Promise<void> {
  if (group.length === 1) {
    // Alone, the transaction itself is the savepoint.
    const [only] = group as [Waiting];
    await inWriteTransaction(db, 'sqlite', (trx) => only.work(sequentialTarget(trx, run))).then(only.resolve, only.reject);
    return;
  }
  const succeeded: Array<{ member: Waiting; result: unknown }> = [];
  try {
    await inWriteTransaction(db, 'sqlite', async (trx) => {
      const target = sequentialTarget(trx, run);
      for (const member of group) {
        await run(savepoint);
        try {
          succeeded.push({ member, result: await member.work(target) });
        } catch (error) {
          // If SQLite itself gave up the transaction (a full disk, say), there is no savepoint left to return to:
          // this throws, and the whole group fails below.
          await run(rollbackToSavepoint);
          member.reject(error);
        }
        await run(releaseSavepoint);
      }
    });
  } catch (error) {
    // Nobody has been told of success yet; those already told of their own failure are not told again.
    for (const member of group) member.reject(error);
    return;
  }
  for (const { member, result } of succeeded) member.resolve(result);
}

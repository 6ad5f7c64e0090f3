import { Kysely, sql } from 'kysely';

/** The store did not answer a health ping in time (it may still answer later: the caller no longer waits). */
export class StoreTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`the database did not answer within ${timeoutMs} ms`);
    this.name = 'StoreTimeout';
  }
}

/** Settles as `work` does, or rejects with StoreTimeout after `timeoutMs`; `work` is not cancelled. */
export function withinMs<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StoreTimeout(timeoutMs)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `select 1` through the app's own Kysely instance. On SQLite this waits its turn behind a write transaction holding
 * the one connection, hence the timeout; on a closed database it fails at once.
 */
export function pingThroughKysely(db: Kysely<unknown>): (timeoutMs: number) => Promise<void> {
  return async (timeoutMs) => {
    await withinMs(sql`select 1`.execute(db), timeoutMs);
  };
}

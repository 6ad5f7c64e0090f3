import { Writable } from 'node:stream';
import { Kysely } from 'kysely';
import { Pool, PoolClient, QueryConfig, QueryResult } from 'pg';
import { Statement, StatementTarget } from '../sql/prepared';
import { Database } from '../sql/schema';
import { WriteTransactionOptions, WriteTransactions } from '../sql/transactions';
import { ConnectionRelay } from './connectionRelay';
import { FormingGroups, Member } from './formingGroups';

/**
 * At most this many write transactions share one PostgreSQL transaction (see FormingGroups). With 32 requests in
 * flight groups seldom reach 16; a limit of 8 cost more socket writes per sign-up in the bench (0.5 against 0.36).
 */
const defaultMaxGroup = 16;

/**
 * Write transactions on one pooled connection in pipeline mode (the pool is made with `pipeline: true`): a statement
 * is sent without waiting for the answers to those before it, and PostgreSQL still runs them in order. A sign-up so
 * costs two round trips instead of six: BEGIN with the locked read of the offer and its seats, then the writes with
 * COMMIT. Writes whose answers nobody needs are held and sent with the next read or with COMMIT (see
 * StatementTarget.write), once BEGIN is known to have succeeded, so nothing is ever written outside the transaction.
 * Statements sent in the same tick leave in one write to the socket; a connection whose COMMIT is sent goes straight
 * to the next transaction waiting (see ConnectionRelay).
 *
 * Transactions that name the one row they lock (`options.key`) and wait for a connection together run in one
 * PostgreSQL transaction (see FormingGroups and runTogether): under load, a dozen sign-ups to different offers then
 * cost one BEGIN, one COMMIT and two socket writes between them instead of each their own.
 * `db` only compiles statements; at most `connections` of the pool's connections are used at once.
 */
export function pipelinedTransactions(pool: Pool, db: Kysely<Database>, connections: number, maxGroup = defaultMaxGroup): WriteTransactions {
  const relay = new ConnectionRelay(pool, connections);
  const start = (members: Member[], onConnection: () => void = () => undefined) => {
    relay.take().then(
      (client) => {
        onConnection();
        // Not expected to fail; if it did, no member may be left waiting (settled ones ignore the rejection).
        runTogether(relay, client, db, members, (member) => start([member])).catch((error: unknown) => members.forEach((member) => member.reject(error)));
      },
      (error: unknown) => {
        onConnection();
        for (const member of members) member.reject(error);
      },
    );
  };
  const groups = new FormingGroups(maxGroup, (group, closed) => start(group, closed));
  return <T>(work: (target: StatementTarget) => Promise<T>, options?: WriteTransactionOptions) =>
    new Promise<T>((resolve, reject) => {
      const member: Member = { key: options?.key, work, resolve: resolve as (result: unknown) => void, reject };
      if (member.key === undefined) start([member]);
      else groups.join(member);
    });
}

/**
 * Runs `members` in one transaction on `client`, each from its first statement, all started in the same tick (sorted by
 * key, so groups take their row locks in one order and do not deadlock on them; should a deadlock happen all the same,
 * PostgreSQL fails one transaction, and its members run again alone). Their statements interleave on the connection;
 * no two lock the same row (their keys differ), so each decides as if alone. Once all have returned, COMMIT. If any
 * of several fails, or the database rolls the transaction back, nothing of the group was written and each is run
 * again alone (`alone`), so a member's failure reaches only its own caller; if COMMIT's answer is lost, no one can
 * know what was written, and every member hears the error.
 */
async function runTogether(relay: ConnectionRelay, client: PoolClient, db: Kysely<Database>, members: Member[], alone: (member: Member) => void): Promise<void> {
  const transaction = new PipelinedTransaction(client, db);
  const sorted = members.length > 1 ? [...members].sort((a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0)) : members;
  const outcomes = await Promise.allSettled(sorted.map((member) => member.work(transaction.targetForMember())));
  // Nothing of the transaction was written: a group's members run again alone, a lone one hears why it failed.
  const nothingWritten = (error: unknown) => (members.length > 1 ? members.forEach(alone) : members[0]!.reject(error));
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) {
    await settle(relay, client, failed.reason);
    return nothingWritten((await transaction.firstFailure())?.error ?? failed.reason);
  }
  let committed: Promise<QueryResult>;
  try {
    committed = (await transaction.sendCommit()).answer;
  } catch (error) {
    // BEGIN failed: the held writes were never sent.
    await settle(relay, client, error);
    return nothingWritten(error);
  }
  // Once COMMIT is sent the transaction ends whatever its answer, so the connection can serve the next one.
  const handedOver = relay.handOver(client);
  const failure = await transaction.firstFailure();
  const answer = await committed.then((result) => result.command, () => null);
  if (answer === null) {
    // COMMIT's answer never came (the connection broke): what was written is unknown, so nothing is run again.
    if (!handedOver) relay.release(client, failure?.error instanceof Error ? failure.error : new Error('COMMIT was not answered'));
    return members.forEach((member) => member.reject(failure?.error ?? new Error('COMMIT was not answered')));
  }
  if (!handedOver) relay.release(client);
  // PostgreSQL answers COMMIT with ROLLBACK when the transaction had already failed.
  if (answer === 'ROLLBACK') return nothingWritten(failure?.error ?? new Error('the transaction was rolled back'));
  if (answer !== 'COMMIT' || failure) return members.forEach((member) => member.reject(failure?.error ?? new Error('the transaction was rolled back')));
  sorted.forEach((member, i) => member.resolve((outcomes[i] as PromiseFulfilledResult<unknown>).value));
}

/**
 * One transaction's statements on a pipelined connection, each outcome kept in the order sent. Writes whose answers
 * nobody waits for are held until COMMIT (or the same member's next read, which must see them) and sent with it: the
 * writes of a whole group then leave in one socket write with COMMIT, however the answers to their reads arrived.
 * PostgreSQL still runs each member's statements in the order the member made them.
 */
class PipelinedTransaction {
  private readonly sent: Array<Promise<unknown>> = [];
  /** Writes not sent yet, in the order they were made. */
  private readonly held: HeldWrite[] = [];
  private readonly batch: () => void;
  private readonly begun: Promise<QueryResult>;

  constructor(
    private readonly client: PoolClient,
    private readonly db: Kysely<Database>,
  ) {
    this.batch = batchedWrites(client);
    this.begun = this.send('begin');
  }

  /** Where one member's statements go; its held writes are sent before its own next read. */
  targetForMember(): StatementTarget {
    const mine: HeldWrite[] = [];
    const hold = (send: () => void) => {
      const write = { send, sent: false };
      mine.push(write);
      this.held.push(write);
    };
    return {
      db: this.db,
      run: async (statement) => {
        if (mine.some((write) => !write.sent)) {
          await this.begun; // as at COMMIT: held writes never leave before BEGIN has succeeded
          sendAll(mine.splice(0));
        }
        return (await this.send(queryOf(statement))).rows;
      },
      write: async (statement) => hold(() => void this.send(queryOf(statement))),
      writeReturning: async (statement) => {
        const answer = new Promise<unknown[]>((resolve, reject) => hold(() => this.send(queryOf(statement)).then((result) => resolve(result.rows), reject)));
        answer.catch(() => undefined); // read after commit; if the transaction fails, its own error is the one thrown
        return { answer };
      },
    };
  }

  /**
   * Sends the held writes, then COMMIT; resolves once they are sent, with COMMIT's answer to come. They wait for
   * BEGIN's answer first (already in hand after any read), so nothing is ever written outside the transaction.
   */
  async sendCommit(): Promise<{ answer: Promise<QueryResult> }> {
    await this.begun;
    sendAll(this.held.splice(0));
    return { answer: this.send('commit') };
  }

  private send(query: string | QueryConfig): Promise<QueryResult> {
    this.batch();
    const result = this.client.query(query);
    result.catch(() => undefined); // awaited later; not an unhandled rejection meanwhile
    this.sent.push(result);
    return result;
  }

  /** Once every statement has answered: the error of the first one (in the order sent) that failed, if any. */
  async firstFailure(): Promise<{ error: unknown } | null> {
    const outcomes = await Promise.allSettled(this.sent);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    return failed ? { error: failed.reason } : null;
  }
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

interface HeldWrite {
  send(): void;
  sent: boolean;
}

function sendAll(writes: readonly HeldWrite[]): void {
  for (const write of writes) {
    if (write.sent) continue;
    write.sent = true;
    write.send();
  }
}

/** A statement as node-postgres takes it; a named one is parsed and planned once per connection. */
export function queryOf({ sql, parameters, name }: Statement): QueryConfig {
  return name ? { name, text: sql, values: [...parameters] } : { text: sql, values: [...parameters] };
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

import { Kysely } from 'kysely';
import { longestWindowMs, RateWindow, waitBeforeNext } from '../../app/delivery/rateLimiter';
import { Reservation, SendSlotLedger } from '../../ports/sendSlots';
import { prepared, RunStatement, sequentialTarget, StatementTarget } from './prepared';
import { Database, Dialect } from './schema';
import { kyselyWriteTransactions, WriteTransactions } from './transactions';

/** The statements of a reservation, compiled once per dialect (see prepared.ts): every message the bot sends makes two. */
function sendSlotQueries(dialect: Dialect) {
  return {
    ensurePause: prepared<{ key: string }, never>(['key'], (db, p) =>
      db.insertInto('send_pauses').values({ conversation_key: p.key, paused_until_ms: 0 }).onConflict((oc) => oc.column('conversation_key').doNothing()),
    ),
    lockPause: prepared<{ key: string }, { paused_until_ms: number | string }>(['key'], (db, p) => {
      const query = db.selectFrom('send_pauses').select('paused_until_ms').where('conversation_key', '=', p.key);
      return dialect === 'postgres' ? query.forUpdate() : query;
    }),
    forgetExpired: prepared<{ key: string; before: number }, never>(['key', 'before'], (db, p) =>
      db.deleteFrom('send_slots').where('conversation_key', '=', p.key).where('sent_at_ms', '<=', p.before),
    ),
    recentSends: prepared<{ key: string }, { sent_at_ms: number | string }>(['key'], (db, p) =>
      db.selectFrom('send_slots').select('sent_at_ms').where('conversation_key', '=', p.key).orderBy('sent_at_ms'),
    ),
    takeSlot: prepared<{ key: string; at: number }, { id: number | string }>(['key', 'at'], (db, p) =>
      db.insertInto('send_slots').values({ conversation_key: p.key, sent_at_ms: p.at }).returning('id'),
    ),
    finish: prepared<{ id: number; at: number }, never>(['id', 'at'], (db, p) =>
      db.updateTable('send_slots').set({ sent_at_ms: p.at }).where('id', '=', p.id).where('sent_at_ms', '<', p.at),
    ),
  };
}

export interface SqlSendSlotLedgerOptions {
  /** The write transactions the offers use (PostgreSQL: pipelined); Kysely's otherwise. */
  transactions?: WriteTransactions;
  /** Runs one statement outside a transaction without Kysely's per-query machinery (see SqlStoreOptions). */
  runStatement?: RunStatement;
}

/**
 * Teams' per-conversation budget kept in the database, so every instance sharing it draws from one budget. A
 * reservation reads the conversation's recent sends and writes its own in one transaction; on PostgreSQL the
 * conversation's `send_pauses` row is locked first so two instances cannot both take the last slot. Every message
 * and card redraw the bot sends reserves twice (its conversation and its tenant), so a reservation is two round trips
 * on PostgreSQL, as a sign-up is: the locked read with BEGIN, then the slot with COMMIT.
 */
export class SqlSendSlotLedger implements SendSlotLedger {
  private readonly longestMs: number;
  private readonly queries: ReturnType<typeof sendSlotQueries>;
  private readonly transactions: WriteTransactions;
  private readonly statements: StatementTarget;

  constructor(
    db: Kysely<Database>,
    dialect: Dialect,
    private readonly windows: readonly RateWindow[],
    options: SqlSendSlotLedgerOptions = {},
  ) {
    this.longestMs = longestWindowMs(windows);
    this.queries = sendSlotQueries(dialect);
    this.transactions = options.transactions ?? kyselyWriteTransactions(db, dialect);
    this.statements = sequentialTarget(db, options.runStatement);
  }

  async reserve(key: string, nowMs: number): Promise<Reservation> {
    const { queries } = this;
    const decided = await this.transactions(async (target) => {
      // Sent together. The pause row is made if missing, then locked; the sends are read once the lock is held (a
      // statement of its own, so it sees every slot taken by whoever held the lock before). Making the row and tidying
      // expired sends are harmless to repeat, so they need not wait for BEGIN's answer.
      const [, [pause], , recent] = await Promise.all([
        queries.ensurePause.run(target, { key }),
        queries.lockPause.run(target, { key }),
        queries.forgetExpired.run(target, { key, before: nowMs - this.longestMs }),
        queries.recentSends.run(target, { key }),
      ]);
      if (!pause) throw new Error(`no send_pauses row for ${key}`);
      const paused = Number(pause.paused_until_ms) - nowMs;
      if (paused > 0) return { granted: false as const, waitMs: paused };
      const wait = waitBeforeNext(recent.map((r) => Number(r.sent_at_ms)), nowMs, this.windows);
      if (wait > 0) return { granted: false as const, waitMs: wait };
      return { granted: true as const, taken: await queries.takeSlot.writeReturning(target, { key, at: nowMs }) };
    }, { key: `send_pauses:${key}` });
    if (!decided.granted) return decided;
    const [slot] = await decided.taken.answer;
    return { granted: true, slot: Number(slot!.id) };
  }

  async finish(slot: number, atMs: number): Promise<void> {
    await this.queries.finish.run(this.statements, { id: slot, at: atMs });
  }

  async pauseUntil(key: string, untilMs: number): Promise<void> {
    await this.statements.db
      .insertInto('send_pauses')
      .values({ conversation_key: key, paused_until_ms: untilMs })
      .onConflict((oc) => oc.column('conversation_key').doUpdateSet({ paused_until_ms: untilMs }).where('send_pauses.paused_until_ms', '<', untilMs))
      .execute();
  }
}

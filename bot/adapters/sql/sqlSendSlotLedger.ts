import { Kysely } from 'kysely';
import { longestWindowMs, RateWindow, waitBeforeNext } from '../../app/delivery/rateLimiter';
import { Reservation, SendSlotLedger } from '../../ports/sendSlots';
import { Database, Dialect } from './schema';
import { inWriteTransaction } from './transactions';

/**
 * Teams' per-conversation budget kept in the database, so every instance sharing it draws from one budget. A
 * reservation reads the conversation's recent sends and writes its own in one transaction; on PostgreSQL the
 * conversation's `send_pauses` row is locked first so two instances cannot both take the last slot.
 */
export class SqlSendSlotLedger implements SendSlotLedger {
  private readonly longestMs: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly windows: readonly RateWindow[],
  ) {
    this.longestMs = longestWindowMs(windows);
  }

  reserve(key: string, nowMs: number): Promise<Reservation> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      await trx.insertInto('send_pauses').values({ conversation_key: key, paused_until_ms: 0 }).onConflict((oc) => oc.column('conversation_key').doNothing()).execute();
      let pauseQuery = trx.selectFrom('send_pauses').select('paused_until_ms').where('conversation_key', '=', key);
      if (this.dialect === 'postgres') pauseQuery = pauseQuery.forUpdate();
      const pause = await pauseQuery.executeTakeFirstOrThrow();
      const paused = Number(pause.paused_until_ms) - nowMs;
      if (paused > 0) return { granted: false, waitMs: paused };

      await trx.deleteFrom('send_slots').where('conversation_key', '=', key).where('sent_at_ms', '<=', nowMs - this.longestMs).execute();
      const rows = await trx.selectFrom('send_slots').select('sent_at_ms').where('conversation_key', '=', key).orderBy('sent_at_ms').execute();
      const wait = waitBeforeNext(rows.map((r) => Number(r.sent_at_ms)), nowMs, this.windows);
      if (wait > 0) return { granted: false, waitMs: wait };
      const inserted = await trx.insertInto('send_slots').values({ conversation_key: key, sent_at_ms: nowMs }).returning('id').executeTakeFirstOrThrow();
      return { granted: true, slot: Number(inserted.id) };
    });
  }

  async finish(slot: number, atMs: number): Promise<void> {
    await this.db.updateTable('send_slots').set({ sent_at_ms: atMs }).where('id', '=', slot).where('sent_at_ms', '<', atMs).execute();
  }

  async pauseUntil(key: string, untilMs: number): Promise<void> {
    await this.db
      .insertInto('send_pauses')
      .values({ conversation_key: key, paused_until_ms: untilMs })
      .onConflict((oc) => oc.column('conversation_key').doUpdateSet({ paused_until_ms: untilMs }).where('send_pauses.paused_until_ms', '<', untilMs))
      .execute();
  }
}

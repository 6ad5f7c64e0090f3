import { Kysely } from 'kysely';
import { Notice, Outbox, QueuedNotice } from '../../ports/outbox';
import { Database, Dialect } from './schema';
import { inWriteTransaction } from './transactions';

export class SqlOutbox implements Outbox {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Claims by moving `available_at` forward by the lease inside one transaction: another worker (another instance on
   * PostgreSQL, where rows are skipped while locked) does not see the notice again until the lease runs out, so a crash
   * mid-send leads to one retry, not a lost notice.
   */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<QueuedNotice[]> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      await trx
        .updateTable('outbox')
        .set({ status: 'uncertain', last_error: 'the worker stopped while sending; it may have been delivered, so it is not sent again' })
        .where('status', '=', 'sending')
        .where('available_at', '<=', now.toISOString())
        .execute();
      let query = trx
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .where('available_at', '<=', now.toISOString())
        .orderBy('id')
        .limit(limit);
      if (this.dialect === 'postgres') query = query.forUpdate().skipLocked();
      const rows = await query.execute();
      if (rows.length === 0) return [];
      const leaseEnds = new Date(now.getTime() + leaseMs).toISOString();
      await trx
        .updateTable('outbox')
        .set((eb) => ({ available_at: leaseEnds, attempts: eb('attempts', '+', 1) }))
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        idempotencyKey: r.idempotency_key,
        schoolId: r.school_id,
        recipientId: r.recipient_id,
        notice: JSON.parse(r.notice) as Notice,
        attempts: Number(r.attempts) + 1,
      }));
    });
  }

  async markSending(id: number, now: Date, leaseMs: number): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ status: 'sending', available_at: new Date(now.getTime() + leaseMs).toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async markSent(id: number, now: Date): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'sent', sent_at: now.toISOString(), last_error: null }).where('id', '=', id).execute();
  }

  async markUndeliverable(id: number, reason: string, now: Date): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'undeliverable', last_error: reason, given_up_at: now.toISOString() }).where('id', '=', id).execute();
  }

  async markUncertain(id: number, reason: string, now: Date): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'uncertain', last_error: reason, given_up_at: now.toISOString() }).where('id', '=', id).execute();
  }

  async retryLater(id: number, reason: string, at: Date): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'pending', available_at: at.toISOString(), last_error: reason }).where('id', '=', id).execute();
  }
}

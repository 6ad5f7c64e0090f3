import { Kysely } from 'kysely';
import { StaleTrackingCard, TrackingCardLedger } from '../../ports/trackingBoard';
import { Database, Dialect } from './schema';
import { inWriteTransaction } from './transactions';

/** Tracking cards' revisions and claims, kept on their round (migrations/0011_tracking_card_claims.ts). */
export class SqlTrackingCardLedger implements TrackingCardLedger {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  claimStaleCards(now: Date, limit: number, leaseMs: number): Promise<StaleTrackingCard[]> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      let query = trx
        .selectFrom('reflection_rounds')
        .select(['id', 'manager_id', 'tracking_conversation_id', 'tracking_activity_id', 'tracking_revision'])
        .whereRef('tracking_shown_revision', '<', 'tracking_revision')
        .where('tracking_conversation_id', 'is not', null)
        .where('tracking_activity_id', 'is not', null)
        .where((eb) => eb.or([eb('tracking_claimed_until', 'is', null), eb('tracking_claimed_until', '<=', now.toISOString())]))
        .orderBy('created_at')
        .limit(limit);
      if (this.dialect === 'postgres') query = query.forUpdate().skipLocked();
      const rows = await query.$narrowType<{ tracking_conversation_id: string; tracking_activity_id: string }>().execute();
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await trx.updateTable('reflection_rounds').set({ tracking_claimed_until: new Date(now.getTime() + leaseMs).toISOString() }).where('id', 'in', ids).execute();
      return rows.map((r) => ({
        roundId: r.id,
        managerId: r.manager_id,
        conversationId: r.tracking_conversation_id,
        activityId: r.tracking_activity_id,
        revision: Number(r.tracking_revision),
      }));
    });
  }

  async revision(roundId: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('reflection_rounds').select('tracking_revision').where('id', '=', roundId).executeTakeFirst();
    return row && Number(row.tracking_revision);
  }

  /** Never lowers the shown revision: a slow update finishing late must not hide a newer one. */
  async markShown(roundId: string, revision: number): Promise<void> {
    await this.db
      .updateTable('reflection_rounds')
      .set((eb) => ({
        tracking_shown_revision: eb.case().when('tracking_shown_revision', '<', revision).then(revision).else(eb.ref('tracking_shown_revision')).end(),
        tracking_claimed_until: null,
      }))
      .where('id', '=', roundId)
      .execute();
  }
}

import { Kysely } from 'kysely';
import { OfferCardLedger, PostedCard } from '../../ports/offerBoard';
import { Database, Dialect } from './schema';
import { inWriteTransaction } from './transactions';

export class SqlOfferCardLedger implements OfferCardLedger {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async recordPosted(card: PostedCard, shownRevision: number): Promise<void> {
    const row = {
      offer_id: card.offerId,
      conversation_id: card.conversationId,
      activity_id: card.activityId,
      shown_revision: shownRevision,
      updated_at: new Date().toISOString(),
      claimed_until: null,
    };
    await this.db
      .insertInto('offer_cards')
      .values(row)
      .onConflict((oc) => oc.column('offer_id').doUpdateSet(row))
      .execute();
  }

  async findPosted(offerId: string): Promise<PostedCard | undefined> {
    const row = await this.db.selectFrom('offer_cards').selectAll().where('offer_id', '=', offerId).executeTakeFirst();
    return row && { offerId: row.offer_id, conversationId: row.conversation_id, activityId: row.activity_id };
  }

  async staleCards(limit: number): Promise<Array<PostedCard & { revision: number }>> {
    const rows = await this.db
      .selectFrom('offer_cards')
      .innerJoin('offers', 'offers.id', 'offer_cards.offer_id')
      .select(['offer_cards.offer_id', 'offer_cards.conversation_id', 'offer_cards.activity_id', 'offers.revision'])
      .whereRef('offer_cards.shown_revision', '<', 'offers.revision')
      .orderBy('offer_cards.updated_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      offerId: r.offer_id,
      conversationId: r.conversation_id,
      activityId: r.activity_id,
      revision: Number(r.revision),
    }));
  }

  claimStaleCards(now: Date, limit: number, leaseMs: number): Promise<Array<PostedCard & { revision: number }>> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      let query = trx
        .selectFrom('offer_cards')
        .innerJoin('offers', 'offers.id', 'offer_cards.offer_id')
        .select(['offer_cards.offer_id', 'offer_cards.conversation_id', 'offer_cards.activity_id', 'offers.revision'])
        .whereRef('offer_cards.shown_revision', '<', 'offers.revision')
        .where((eb) => eb.or([eb('offer_cards.claimed_until', 'is', null), eb('offer_cards.claimed_until', '<=', now.toISOString())]))
        .orderBy('offer_cards.updated_at')
        .limit(limit);
      if (this.dialect === 'postgres') query = query.forUpdate('offer_cards').skipLocked();
      const rows = await query.execute();
      if (rows.length === 0) return [];
      await trx
        .updateTable('offer_cards')
        .set({ claimed_until: new Date(now.getTime() + leaseMs).toISOString() })
        .where(
          'offer_id',
          'in',
          rows.map((r) => r.offer_id),
        )
        .execute();
      return rows.map((r) => ({ offerId: r.offer_id, conversationId: r.conversation_id, activityId: r.activity_id, revision: Number(r.revision) }));
    });
  }

  /** Never lowers the shown revision: a slow update finishing late must not hide a newer one. */
  async markShown(offerId: string, revision: number): Promise<void> {
    await this.db
      .updateTable('offer_cards')
      .set((eb) => ({
        shown_revision: eb.case().when('shown_revision', '<', revision).then(revision).else(eb.ref('shown_revision')).end(),
        updated_at: new Date().toISOString(),
        claimed_until: null,
      }))
      .where('offer_id', '=', offerId)
      .execute();
  }
}

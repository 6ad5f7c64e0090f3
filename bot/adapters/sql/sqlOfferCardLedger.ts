import { Kysely } from 'kysely';
import { OfferCardLedger, PostedCard } from '../../ports/offerBoard';
import { Database } from './schema';

export class SqlOfferCardLedger implements OfferCardLedger {
  constructor(private readonly db: Kysely<Database>) {}

  async recordPosted(card: PostedCard, shownRevision: number): Promise<void> {
    const row = {
      offer_id: card.offerId,
      conversation_id: card.conversationId,
      activity_id: card.activityId,
      shown_revision: shownRevision,
      updated_at: new Date().toISOString(),
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

  /** Never lowers the shown revision: a slow update finishing late must not hide a newer one. */
  async markShown(offerId: string, revision: number): Promise<void> {
    await this.db
      .updateTable('offer_cards')
      .set({ shown_revision: revision, updated_at: new Date().toISOString() })
      .where('offer_id', '=', offerId)
      .where('shown_revision', '<', revision)
      .execute();
  }
}

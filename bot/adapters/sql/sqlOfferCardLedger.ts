import { Kysely, sql } from 'kysely';
import { CardKey, OfferCardLedger, PostedCard, StaleOfferCard } from '../../ports/offerBoard';
import { Database, Dialect, OfferCardRow } from './schema';
import { inWriteTransaction } from './transactions';

/** An offer has one card per conversation (a group offer: one per member school's channel), each redrawn on its own. */
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
      school_id: card.schoolId ?? null,
      retired_at: null,
    };
    await this.db
      .insertInto('offer_cards')
      .values(row)
      .onConflict((oc) => oc.columns(['offer_id', 'conversation_id']).doUpdateSet(row))
      .execute();
  }

  async findPosted(offerId: string): Promise<PostedCard | undefined> {
    const row = await this.db
      .selectFrom('offer_cards')
      .innerJoin('offers', 'offers.id', 'offer_cards.offer_id')
      .selectAll('offer_cards')
      .where('offer_cards.offer_id', '=', offerId)
      .orderBy(sql`case when offer_cards.school_id = offers.school_id then 0 else 1 end`)
      .orderBy('offer_cards.conversation_id')
      .executeTakeFirst();
    return row && cardOf(row);
  }

  async postedCards(offerId: string): Promise<PostedCard[]> {
    const rows = await this.db.selectFrom('offer_cards').selectAll().where('offer_id', '=', offerId).orderBy('conversation_id').execute();
    return rows.map(cardOf);
  }

  async staleCards(limit: number): Promise<StaleOfferCard[]> {
    const rows = await this.staleQuery(this.db).limit(limit).execute();
    return rows.map(staleOf);
  }

  claimStaleCards(now: Date, limit: number, leaseMs: number): Promise<StaleOfferCard[]> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      let query = this.staleQuery(trx)
        .where((eb) => eb.or([eb('offer_cards.claimed_until', 'is', null), eb('offer_cards.claimed_until', '<=', now.toISOString())]))
        .limit(limit);
      if (this.dialect === 'postgres') query = query.forUpdate('offer_cards').skipLocked();
      const rows = await query.execute();
      if (rows.length === 0) return [];
      const claimedUntil = new Date(now.getTime() + leaseMs).toISOString();
      // One statement for the whole batch: each card is named by its (offer, conversation) pair.
      await trx
        .updateTable('offer_cards')
        .set({ claimed_until: claimedUntil })
        .where((eb) => eb.or(rows.map((r) => eb.and([eb('offer_id', '=', r.offer_id), eb('conversation_id', '=', r.conversation_id)]))))
        .execute();
      return rows.map(staleOf);
    });
  }

  /** Never lowers the shown revision: a slow update finishing late must not hide a newer one. */
  async markShown(card: CardKey, revision: number): Promise<void> {
    await this.db
      .updateTable('offer_cards')
      .set((eb) => ({
        shown_revision: eb.case().when('shown_revision', '<', revision).then(revision).else(eb.ref('shown_revision')).end(),
        updated_at: new Date().toISOString(),
        claimed_until: null,
      }))
      .where('offer_id', '=', card.offerId)
      .where('conversation_id', '=', card.conversationId)
      .execute();
  }

  async retire(card: CardKey, at: Date): Promise<void> {
    await this.db
      .updateTable('offer_cards')
      .set({ retired_at: at.toISOString(), claimed_until: null })
      .where('offer_id', '=', card.offerId)
      .where('conversation_id', '=', card.conversationId)
      .execute();
  }

  async reinstate(offerId: string, conversationIds: readonly string[]): Promise<number> {
    if (conversationIds.length === 0) return 0;
    // Shown revision 0 is below any offer's: the card is stale at once and redrawn from the current state.
    const result = await this.db
      .updateTable('offer_cards')
      .set({ retired_at: null, shown_revision: 0, claimed_until: null })
      .where('offer_id', '=', offerId)
      .where('conversation_id', 'in', conversationIds)
      .where('retired_at', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  private staleQuery(db: Kysely<Database>) {
    return db
      .selectFrom('offer_cards')
      .innerJoin('offers', 'offers.id', 'offer_cards.offer_id')
      .select(['offer_cards.offer_id', 'offer_cards.conversation_id', 'offer_cards.activity_id', 'offer_cards.school_id', 'offers.revision', 'offers.group_id'])
      .whereRef('offer_cards.shown_revision', '<', 'offers.revision')
      .where('offer_cards.retired_at', 'is', null)
      .orderBy('offer_cards.updated_at')
      .orderBy('offer_cards.conversation_id');
  }
}

function cardOf(row: Pick<OfferCardRow, 'offer_id' | 'conversation_id' | 'activity_id' | 'school_id'>): PostedCard {
  return { offerId: row.offer_id, conversationId: row.conversation_id, activityId: row.activity_id, ...(row.school_id ? { schoolId: row.school_id } : {}) };
}

function staleOf(row: Pick<OfferCardRow, 'offer_id' | 'conversation_id' | 'activity_id' | 'school_id'> & { revision: number; group_id: string | null }): StaleOfferCard {
  return { ...cardOf(row), revision: Number(row.revision), ...(row.group_id ? { groupId: row.group_id } : {}) };
}

import { Kysely } from 'kysely';
import { LearningShare, ShareSource } from '../../domain/learningShare';
import { LearningShareStore, ShareClaim } from '../../ports/learningShareStore';
import { Database } from './schema';

/**
 * A row of learning_shares (migrations 0017_learning_shares, 0022_learning_share_claims); listed in schema.ts.
 * Resources are a JSON array.
 */
export interface LearningShareRow {
  offer_id: string;
  person_id: string;
  person_name: string;
  summary: string;
  resources: string;
  source: string;
  shared_at: string;
  activity_id: string | null;
  /** While a post is under way: until when it is claimed (ISO); null otherwise. */
  posting_until?: string | null;
}

export class SqlLearningShareStore implements LearningShareStore {
  constructor(private readonly db: Kysely<Database>) {}

  async find(offerId: string, personId: string): Promise<LearningShare | undefined> {
    const row = await this.db.selectFrom('learning_shares').selectAll().where('offer_id', '=', offerId).where('person_id', '=', personId).executeTakeFirst();
    return row && fromRow(row);
  }

  async claimForPosting(share: LearningShare, now: Date, leaseMs: number): Promise<ShareClaim> {
    const until = new Date(now.getTime() + leaseMs);
    const row = { ...toRow(share), posting_until: until.toISOString() };
    const { offer_id, person_id, ...changes } = row;
    // One statement, so the database settles a race: only an unposted row whose claim is free or lapsed is taken
    // (PostgreSQL re-checks the condition against the row the other transaction committed).
    const claimed = await this.db
      .insertInto('learning_shares')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['offer_id', 'person_id'])
          .doUpdateSet(changes)
          .where('learning_shares.activity_id', 'is', null)
          .where((eb) => eb.or([eb('learning_shares.posting_until', 'is', null), eb('learning_shares.posting_until', '<=', now.toISOString())])),
      )
      .returning('offer_id')
      .executeTakeFirst();
    if (claimed) return { outcome: 'claimed', until };
    const existing = await this.find(share.offerId, share.person.id);
    return existing?.activityId ? { outcome: 'posted', share: existing } : { outcome: 'posting' };
  }

  async releaseClaim(offerId: string, personId: string, until: Date): Promise<void> {
    await this.db
      .updateTable('learning_shares')
      .set({ posting_until: null })
      .where('offer_id', '=', offerId)
      .where('person_id', '=', personId)
      .where('activity_id', 'is', null)
      .where('posting_until', '=', until.toISOString())
      .execute();
  }

  async markPosted(offerId: string, personId: string, activityId: string): Promise<void> {
    await this.db.updateTable('learning_shares').set({ activity_id: activityId, posting_until: null }).where('offer_id', '=', offerId).where('person_id', '=', personId).execute();
  }

  async postedCount(offerId: string): Promise<number> {
    const row = await this.db
      .selectFrom('learning_shares')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('offer_id', '=', offerId)
      .where('activity_id', 'is not', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}

function toRow(share: LearningShare): LearningShareRow {
  return {
    offer_id: share.offerId,
    person_id: share.person.id,
    person_name: share.person.name,
    summary: share.summary,
    resources: JSON.stringify(share.resources),
    source: share.source,
    shared_at: share.sharedAt.toISOString(),
    activity_id: share.activityId,
  };
}

function fromRow(row: LearningShareRow): LearningShare {
  return {
    offerId: row.offer_id,
    person: { id: row.person_id, name: row.person_name },
    summary: row.summary,
    resources: JSON.parse(row.resources) as string[],
    source: row.source as ShareSource,
    sharedAt: new Date(row.shared_at),
    activityId: row.activity_id,
  };
}

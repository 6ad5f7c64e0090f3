import { Kysely } from 'kysely';
import { LearningShare, ShareSource } from '../../domain/learningShare';
import { LearningShareStore } from '../../ports/learningShareStore';
import { Database } from './schema';

/** A row of learning_shares (migration 0017_learning_shares); listed in schema.ts. Resources are a JSON array. */
export interface LearningShareRow {
  offer_id: string;
  person_id: string;
  person_name: string;
  summary: string;
  resources: string;
  source: string;
  shared_at: string;
  activity_id: string | null;
}

export class SqlLearningShareStore implements LearningShareStore {
  constructor(private readonly db: Kysely<Database>) {}

  async find(offerId: string, personId: string): Promise<LearningShare | undefined> {
    const row = await this.db.selectFrom('learning_shares').selectAll().where('offer_id', '=', offerId).where('person_id', '=', personId).executeTakeFirst();
    return row && fromRow(row);
  }

  async save(share: LearningShare): Promise<void> {
    const row = toRow(share);
    const { offer_id, person_id, ...changes } = row;
    await this.db
      .insertInto('learning_shares')
      .values(row)
      .onConflict((oc) => oc.columns(['offer_id', 'person_id']).doUpdateSet(changes))
      .execute();
  }

  async markPosted(offerId: string, personId: string, activityId: string): Promise<void> {
    await this.db.updateTable('learning_shares').set({ activity_id: activityId }).where('offer_id', '=', offerId).where('person_id', '=', personId).execute();
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

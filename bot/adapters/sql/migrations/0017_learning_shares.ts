import { Kysely, sql } from 'kysely';

/** Learning shared back under an offer's card: one per person per offer, with the channel reply's id once posted. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('learning_shares')
    .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('resources', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('feedback', 'follow_up', 'facilitator')`))
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text')
    .addPrimaryKeyConstraint('learning_shares_pk', ['offer_id', 'person_id'])
    .execute();
}

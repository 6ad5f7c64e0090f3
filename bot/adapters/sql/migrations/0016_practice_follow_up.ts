import { Kysely, sql } from 'kysely';

/**
 * The practice follow-up weeks after a session: each offer may say after how many weeks (null: the deployment's
 * default), and each attendee gives one answer, changed in place until the follow-up closes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('offers').addColumn('follow_up_weeks', 'integer').execute();
  await db.schema
    .createTable('follow_up_responses')
    .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('used', 'text', (c) => c.notNull().check(sql`used in ('yes', 'partly', 'no')`))
    .addColumn('practice_change', 'text', (c) => c.notNull())
    .addColumn('pupil_effect', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('confidence_now', 'integer', (c) => c.notNull().check(sql`confidence_now between 1 and 5`))
    .addColumn('related_goal_id', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull().check(sql`anonymous in (0, 1)`))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('follow_up_responses_pk', ['offer_id', 'person_id'])
    .execute();
  await db.schema.createIndex('follow_up_responses_by_person').on('follow_up_responses').columns(['person_id']).execute();
}

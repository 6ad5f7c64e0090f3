import { Kysely, sql } from 'kysely';

const rating = (column: string) => sql`${sql.ref(column)} between 1 and 5`;

/** Attendance marked after each session, and each attendee's one feedback response. Booleans are 0/1 in both dialects. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attendance')
    .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('attended', 'integer', (c) => c.notNull().check(sql`attended in (0, 1)`))
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes >= 0`))
    .addColumn('recorded_by_id', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_pk', ['offer_id', 'person_id'])
    .execute();
  await db.schema.createIndex('attendance_by_person').on('attendance').columns(['person_id', 'attended']).execute();
  let feedback = db.schema
    .createTable('feedback_responses')
    .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('knowledge_before', 'integer', (c) => c.notNull())
    .addColumn('knowledge_after', 'integer', (c) => c.notNull())
    .addColumn('understanding_before', 'integer', (c) => c.notNull())
    .addColumn('understanding_after', 'integer', (c) => c.notNull())
    .addColumn('confidence_before', 'integer', (c) => c.notNull())
    .addColumn('confidence_after', 'integer', (c) => c.notNull())
    .addColumn('practice_change', 'text', (c) => c.notNull())
    .addColumn('related_goal', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull().check(sql`anonymous in (0, 1)`))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_responses_pk', ['offer_id', 'person_id']);
  for (const column of ['value', 'knowledge_before', 'knowledge_after', 'understanding_before', 'understanding_after', 'confidence_before', 'confidence_after']) {
    feedback = feedback.addCheckConstraint(`feedback_responses_${column}_range`, rating(column));
  }
  await feedback.execute();
}

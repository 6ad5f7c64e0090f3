import { Kysely, sql } from 'kysely';

/** Offers proposed by staff, waiting for (or decided by) a senior leader; the draft stays JSON until approved. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('offer_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('proposer_id', 'text', (c) => c.notNull())
    .addColumn('proposer_name', 'text', (c) => c.notNull())
    .addColumn('draft', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'declined')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by_id', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('offer_id', 'text')
    .execute();
  await db.schema.createIndex('offer_proposals_by_school').on('offer_proposals').columns(['school_id', 'status', 'created_at']).execute();
}

import { Kysely } from 'kysely';

/**
 * People the bot could not reach 1:1, with the reason, for SLT to follow up; `install_requested_at` remembers that
 * the app was installed for them through Graph, so a notice waits for the installation instead of being dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unreachable_people')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('install_requested_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

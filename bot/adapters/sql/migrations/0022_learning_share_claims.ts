import { Kysely } from 'kysely';

/**
 * A share being posted is claimed until `posting_until` (an ISO instant), so two clicks or two instances post it once;
 * null when no post is under way. A claim left by a crashed instance lapses and the share may be sent again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('learning_shares').addColumn('posting_until', 'text').execute();
}

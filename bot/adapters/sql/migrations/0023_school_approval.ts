import { Kysely } from 'kysely';

/**
 * Offers that need the person's school to approve each place (sessions in the school day: supply cover). A held place
 * is a sign-up with status `awaiting_approval`; its hold starts at the row's `updated_at`, so it needs no column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('offers').addColumn('needs_approval', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

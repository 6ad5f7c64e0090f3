import { Kysely } from 'kysely';

/**
 * A school member's email (their sign-in address), so SLT can import the line-management map by the address they
 * know colleagues by. Null until known: Teams activities do not carry it; Graph or an import supplies it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('school_members').addColumn('email', 'text').execute();
}

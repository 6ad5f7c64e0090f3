import { Kysely } from 'kysely';

/**
 * Feedback names one of the person's goals by id (chosen from a list) instead of free text. The old `related_goal`
 * column stays for answers typed before, so they remain readable; new answers leave it as it was.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feedback_responses').addColumn('related_goal_id', 'text').execute();
}

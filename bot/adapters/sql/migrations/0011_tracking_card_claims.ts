import { Kysely } from 'kysely';

/**
 * Tracking cards are redrawn like offer cards: a round's revision rises with each answer or delivery outcome, the
 * card records the revision it shows, and an instance claims a stale card for a while so that no two redraw it.
 * Existing rounds start with nothing to redraw (both revisions 0).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reflection_rounds').addColumn('tracking_revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('reflection_rounds').addColumn('tracking_shown_revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('reflection_rounds').addColumn('tracking_claimed_until', 'text').execute();
}

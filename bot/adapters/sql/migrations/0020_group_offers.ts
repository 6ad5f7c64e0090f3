import { Kysely, sql } from 'kysely';

/**
 * Offers to a group of schools: the offer's group and places per school, the school each sign-up came from, and the
 * card ledger keyed by (offer, conversation) so one offer keeps a card in every member school's channel. The ledger is
 * rebuilt because SQLite cannot change a primary key in place; existing cards keep their place and revision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('offers').addColumn('group_id', 'text').execute();
  await db.schema.alterTable('offers').addColumn('quota_per_school', 'integer').execute();
  await db.schema.alterTable('offers').addColumn('quota_releases_at', 'text').execute();
  await db.schema.alterTable('signups').addColumn('school_id', 'text').execute();

  await db.schema
    .createTable('offer_cards_0020')
    .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('shown_revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    // The school whose channel holds the card; a card whose school left the offer's group is retired (never redrawn).
    .addColumn('school_id', 'text')
    .addColumn('retired_at', 'text')
    .addPrimaryKeyConstraint('offer_cards_by_conversation_pk', ['offer_id', 'conversation_id'])
    .execute();
  await sql`insert into offer_cards_0020 (offer_id, conversation_id, activity_id, shown_revision, updated_at, claimed_until, school_id)
    select c.offer_id, c.conversation_id, c.activity_id, c.shown_revision, c.updated_at, c.claimed_until, o.school_id
    from offer_cards c join offers o on o.id = c.offer_id`.execute(db);
  await db.schema.dropTable('offer_cards').execute();
  await db.schema.alterTable('offer_cards_0020').renameTo('offer_cards').execute();
  await db.schema.createIndex('offer_cards_by_update').on('offer_cards').column('updated_at').execute();
}

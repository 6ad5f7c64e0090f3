import { Kysely } from 'kysely';
import { MigrationContext } from './context';

export async function up(db: Kysely<unknown>, { autoIncrementId, epochMs }: MigrationContext): Promise<void> {
  await autoIncrementId(db, 'send_slots')
    .addColumn('conversation_key', 'text', (c) => c.notNull())
    .addColumn('sent_at_ms', epochMs, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('send_slots_by_key_time').on('send_slots').columns(['conversation_key', 'sent_at_ms']).execute();
  await db.schema
    .createTable('send_pauses')
    .addColumn('conversation_key', 'text', (c) => c.primaryKey())
    .addColumn('paused_until_ms', epochMs, (c) => c.notNull())
    .execute();
  await db.schema.alterTable('offer_cards').addColumn('claimed_until', 'text').execute();
}

import { Kysely, Migration, MigrationProvider, Migrator, sql } from 'kysely';
import { Dialect } from './schema';

/** Migrations are append-only: a deployed database has run the earlier ones, so never edit one, add the next. */
function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const autoIncrementId = (db: Kysely<unknown>, table: string) =>
    dialect === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  return {
    '0001_offers_and_signups': {
      async up(db) {
        await db.schema
          .createTable('schools')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('tenant_id', 'text')
          .addColumn('clpl_channel_id', 'text')
          .addColumn('clpl_channel_name', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('channels')
          .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
          .addColumn('channel_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('channels_pk', ['school_id', 'channel_id'])
          .execute();
        await db.schema
          .createTable('school_members')
          .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
          .addColumn('person_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('seen_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('school_members_pk', ['school_id', 'person_id'])
          .execute();
        await db.schema.createIndex('school_members_by_person').on('school_members').column('person_id').execute();
        await db.schema
          .createTable('addresses')
          .addColumn('address_key', 'text', (c) => c.primaryKey())
          .addColumn('address', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('offers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('facilitator', 'text', (c) => c.notNull())
          .addColumn('starts_at', 'text', (c) => c.notNull())
          .addColumn('ends_at', 'text', (c) => c.notNull())
          .addColumn('time_zone', 'text', (c) => c.notNull())
          .addColumn('location', 'text')
          .addColumn('online_link', 'text')
          .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
          .addColumn('signups_close_at', 'text', (c) => c.notNull())
          .addColumn('tags', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_by_id', 'text', (c) => c.notNull())
          .addColumn('created_by_name', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('offers_by_school_start').on('offers').columns(['school_id', 'starts_at']).execute();
        await db.schema
          .createTable('signups')
          .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
          .addColumn('person_id', 'text', (c) => c.notNull())
          .addColumn('person_name', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('queue_number', 'integer', (c) => c.notNull())
          .addColumn('signed_up_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('signups_pk', ['offer_id', 'person_id'])
          .execute();
        await db.schema.createIndex('signups_by_person').on('signups').column('person_id').execute();
        await db.schema
          .createTable('offer_cards')
          .addColumn('offer_id', 'text', (c) => c.primaryKey().references('offers.id'))
          .addColumn('conversation_id', 'text', (c) => c.notNull())
          .addColumn('activity_id', 'text', (c) => c.notNull())
          .addColumn('shown_revision', 'integer', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await autoIncrementId(db, 'outbox')
          .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
          .addColumn('school_id', 'text', (c) => c.notNull())
          .addColumn('recipient_id', 'text', (c) => c.notNull())
          .addColumn('notice', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('available_at', 'text', (c) => c.notNull())
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('sent_at', 'text')
          .addColumn('given_up_at', 'text')
          .execute();
        await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'available_at']).execute();
      },
    },
    '0002_shared_send_budget_and_card_claims': {
      async up(db) {
        const epochMs = dialect === 'postgres' ? 'bigint' : 'integer';
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
      },
    },
  };
}

export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const migrations = migrationsFor(dialect);
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // Kysely looks for its bookkeeping tables in any schema it can see; pin them to this connection's own schema so
  // that several deployments can share one PostgreSQL database, each in its own schema.
  const migrationTableSchema =
    dialect === 'postgres' ? ((await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]?.schema ?? undefined) : undefined;
  const { error, results } = await new Migrator({ db, provider, migrationTableSchema }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

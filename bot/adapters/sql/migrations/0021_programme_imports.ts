import { Kysely, sql } from 'kysely';

/**
 * Programmes imported from CSV by SLT (bot/domain/programme.ts): the checked offers as JSON, from the preview until
 * confirmed or cancelled, and then while the scheduler posts each on its publish date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programme_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('importer_id', 'text', (c) => c.notNull())
    .addColumn('importer_name', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'scheduled', 'cancelled')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('programme_imports_by_importer').on('programme_imports').columns(['importer_id']).execute();
}

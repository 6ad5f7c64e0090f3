import { Kysely } from 'kysely';
import { MigrationContext } from './context';

/**
 * Subject access: every download of a person's record, with ids only (who asked, whose record, which format, when),
 * so a school can show who saw what; and the short-lived links the bot hands out for `my record`, kept as a hash of
 * the secret so that reading the database does not give the links away.
 */
export async function up(db: Kysely<unknown>, { autoIncrementId }: MigrationContext): Promise<void> {
  await autoIncrementId(db, 'record_downloads')
    .addColumn('requester_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('downloaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_downloads_by_subject').on('record_downloads').columns(['subject_id', 'downloaded_at']).execute();
  await db.schema
    .createTable('record_download_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_download_links_by_expiry').on('record_download_links').column('expires_at').execute();
}

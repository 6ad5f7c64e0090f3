import { Kysely, sql } from 'kysely';

/** Part-time staff's share of full time, in whole percent, so their yearly CLPL target is pro rata. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('work_patterns')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('fte_percent', 'integer', (c) => c.notNull().check(sql`fte_percent between 10 and 100`))
    .addColumn('set_by_id', 'text', (c) => c.notNull())
    .addColumn('set_by_name', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}

import { Kysely } from 'kysely';

/** Personal goals (the local goal store; a SharePoint list takes their place when GOALS_STORE=graph) and logged CLPL. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('success_criteria', 'text', (c) => c.notNull())
    .addColumn('standard_area', 'text', (c) => c.notNull())
    .addColumn('target_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_notes', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goals_by_owner').on('goals').columns(['owner_id', 'created_at']).execute();
  await db.schema
    .createTable('clpl_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('activity_date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('reflection', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clpl_activities_by_owner_date').on('clpl_activities').columns(['owner_id', 'activity_date']).execute();
}

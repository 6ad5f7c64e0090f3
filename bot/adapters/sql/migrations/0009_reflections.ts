import { Kysely, sql } from 'kysely';

/** PRD reflection: the app's line-management map, prompt rounds with their tracking card, prompts and answers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('line_management')
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('line_management_pk', ['school_id', 'staff_id'])
    .addCheckConstraint('line_management_not_self', sql`staff_id <> manager_id`)
    .execute();
  await db.schema.createIndex('line_management_by_manager').on('line_management').columns(['school_id', 'manager_id']).execute();
  await db.schema
    .createTable('reflection_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text', (c) => c.notNull())
    .addColumn('manager_name', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('tracking_conversation_id', 'text')
    .addColumn('tracking_activity_id', 'text')
    .execute();
  await db.schema
    .createTable('reflection_prompts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('reflection_rounds.id'))
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('delivery', 'text', (c) => c.notNull().check(sql`delivery in ('sent', 'unreachable')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_prompted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reflection_prompts_by_round').on('reflection_prompts').column('round_id').execute();
  await db.schema.createIndex('reflection_prompts_by_staff').on('reflection_prompts').column('staff_id').execute();
  await db.schema
    .createTable('reflections')
    .addColumn('prompt_id', 'text', (c) => c.primaryKey().references('reflection_prompts.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .execute();
}

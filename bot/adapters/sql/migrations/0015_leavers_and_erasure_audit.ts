import { Kysely } from 'kysely';

/**
 * Erasure of a person and retention. `school_leavers`: people who left every team of a school, waiting for SLT (or
 * the retention job) to erase them. `school_teams`: the teams of each school, so leaving one team of a school with
 * several can be told from leaving the school. `erasure_audit`: that an erasure happened, when, by whom and how much
 * went, with nothing about the person erased (no id, name or email of theirs).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('school_leavers')
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_leavers_pk', ['school_id', 'person_id'])
    .execute();
  await db.schema.createIndex('school_leavers_by_left_at').on('school_leavers').column('left_at').execute();
  await db.schema
    .createTable('school_teams')
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_teams_pk', ['school_id', 'team_id'])
    .execute();
  await db.schema
    .createTable('erasure_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('erased_by_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('erasure_audit_by_school').on('erasure_audit').columns(['school_id', 'erased_at']).execute();
}

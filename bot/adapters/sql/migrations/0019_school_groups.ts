import { Kysely, sql } from 'kysely';

/**
 * Groups of schools (cluster, local authority, collaborative), what each contains (schools and other groups) and who
 * leads it. `from_file` marks rows the groups file put there, so a changed file replaces its own rows and leaves what
 * leads added by command; `school_group_file` remembers which file was applied last, so an unchanged file is not
 * applied again over leads' changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('school_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('cluster', 'authority', 'collaborative')`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('school_group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('school_groups.id').onDelete('cascade'))
    .addColumn('member_kind', 'text', (c) => c.notNull().check(sql`member_kind in ('school', 'group')`))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('from_file', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_group_members_pk', ['group_id', 'member_kind', 'member_id'])
    .execute();
  await db.schema.createIndex('school_group_members_by_member').on('school_group_members').columns(['member_kind', 'member_id']).execute();
  await db.schema
    .createTable('school_group_leads')
    .addColumn('group_id', 'text', (c) => c.notNull().references('school_groups.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('from_file', 'integer', (c) => c.notNull())
    .addColumn('added_by_id', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_group_leads_pk', ['group_id', 'person_id'])
    .execute();
  await db.schema.createIndex('school_group_leads_by_person').on('school_group_leads').column('person_id').execute();
  await db.schema
    .createTable('school_group_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

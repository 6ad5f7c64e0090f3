import { Kysely, sql } from 'kysely';

/**
 * Peer observation (learning visits): one row per visit offered or requested between two colleagues, and each one's
 * reflection afterwards (at most one per person per visit). Both people are kept by id and name, as elsewhere.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('peer_observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('offer', 'request')`))
    .addColumn('initiator_id', 'text', (c) => c.notNull())
    .addColumn('initiator_name', 'text', (c) => c.notNull())
    .addColumn('colleague_id', 'text', (c) => c.notNull())
    .addColumn('colleague_name', 'text', (c) => c.notNull())
    .addColumn('focus_kind', 'text', (c) => c.notNull().check(sql`focus_kind in ('standard', 'priority')`))
    .addColumn('focus', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'accepted', 'declined', 'cancelled')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('peer_observations_by_initiator').on('peer_observations').column('initiator_id').execute();
  await db.schema.createIndex('peer_observations_by_colleague').on('peer_observations').column('colleague_id').execute();
  await db.schema.createIndex('peer_observations_by_school').on('peer_observations').columns(['school_id', 'starts_at']).execute();

  await db.schema
    .createTable('peer_observation_reflections')
    .addColumn('observation_id', 'text', (c) => c.notNull().references('peer_observations.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('noticed', 'text', (c) => c.notNull())
    .addColumn('takeaway', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('peer_observation_reflections_pk', ['observation_id', 'person_id'])
    .execute();
  await db.schema.createIndex('peer_observation_reflections_by_person').on('peer_observation_reflections').column('person_id').execute();
}

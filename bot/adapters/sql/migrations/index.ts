import { Kysely, Migration, MigrationProvider, Migrator, sql } from 'kysely';
import { Dialect } from '../schema';
import { migrationContext, MigrationContext } from './context';
import * as m0001 from './0001_offers_and_signups';
import * as m0002 from './0002_shared_send_budget_and_card_claims';
import * as m0003 from './0003_scheduled_jobs';
import * as m0004 from './0004_goals';
import * as m0005 from './0005_attendance_and_feedback';
import * as m0006 from './0006_calendar_feeds';
import * as m0007 from './0007_offer_proposals';
import * as m0008 from './0008_unreachable_people';
import * as m0009 from './0009_reflections';
import * as m0010 from './0010_work_patterns';
import * as m0011 from './0011_tracking_card_claims';
import * as m0012 from './0012_feedback_goal_link';
import * as m0013 from './0013_member_emails';
import * as m0014 from './0014_record_downloads';
import * as m0015 from './0015_leavers_and_erasure_audit';
import * as m0016 from './0016_practice_follow_up';
import * as m0017 from './0017_learning_shares';
import * as m0018 from './0018_peer_observations';
import * as m0019 from './0019_school_groups';
import * as m0020 from './0020_group_offers';
import * as m0021 from './0021_programme_imports';
import * as m0022 from './0022_learning_share_claims';
import * as m0023 from './0023_school_approval';

type MigrationModule = { up(db: Kysely<unknown>, context: MigrationContext): Promise<void> };

/**
 * Append-only, in order: a deployed database has run the earlier ones, so never edit one, add the next file and list
 * it here. Names sort in the order they run.
 */
const migrations: Record<string, MigrationModule> = {
  '0001_offers_and_signups': m0001,
  '0002_shared_send_budget_and_card_claims': m0002,
  '0003_scheduled_jobs': m0003,
  '0004_goals': m0004,
  '0005_attendance_and_feedback': m0005,
  '0006_calendar_feeds': m0006,
  '0007_offer_proposals': m0007,
  '0008_unreachable_people': m0008,
  '0009_reflections': m0009,
  '0010_work_patterns': m0010,
  '0011_tracking_card_claims': m0011,
  '0012_feedback_goal_link': m0012,
  '0013_member_emails': m0013,
  '0014_record_downloads': m0014,
  '0015_leavers_and_erasure_audit': m0015,
  '0016_practice_follow_up': m0016,
  '0017_learning_shares': m0017,
  '0018_peer_observations': m0018,
  '0019_school_groups': m0019,
  '0020_group_offers': m0020,
  '0021_programme_imports': m0021,
  '0022_learning_share_claims': m0022,
  '0023_school_approval': m0023,
  // 0018 is another branch's (CSV programme import); the lead merges both in number order.
};

export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const context = migrationContext(dialect);
  const bound: Record<string, Migration> = Object.fromEntries(
    Object.entries(migrations).map(([name, module]) => [name, { up: (target: Kysely<unknown>) => module.up(target, context) }]),
  );
  const provider: MigrationProvider = { getMigrations: async () => bound };
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

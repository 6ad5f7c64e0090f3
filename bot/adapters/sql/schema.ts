import { Generated } from 'kysely';
import { ClplActivityRow, GoalRow } from './goalRows';
import { AttendanceRow, FeedbackResponseRow } from './evidenceRows';
import { FollowUpResponseRow } from './followUpRows';
import { LearningShareRow } from './sqlLearningShareStore';
import { PeerObservationTables } from './sqlPeerObservationStore';
import { CalendarFeedRow } from './calendarRows';
import { OfferProposalRow } from './proposalRows';
import { ProgrammeImportRow } from './programmeRows';
import { UnreachablePersonRow } from './reachabilityRows';
import { ReflectionTables } from './reflectionRows';
import { WorkPatternRow } from './workPatternRows';
import { PrivacyTables } from './privacyRows';
import { SchoolGroupTables } from './schoolGroupRows';
import { RecordDownloadLinkRow, RecordDownloadRow } from './recordRows';

/**
 * Tables shared by the SQLite and PostgreSQL adapters. Instants are ISO-8601 UTC text in both dialects: one set of
 * migrations and row mappers serves both, and the fixed-width format sorts correctly as text.
 */
export interface Database extends ReflectionTables, PrivacyTables, PeerObservationTables, SchoolGroupTables {
  schools: SchoolRow;
  channels: ChannelRow;
  school_members: SchoolMemberRow;
  addresses: AddressRow;
  offers: OfferRow;
  signups: SignUpRow;
  offer_cards: OfferCardRow;
  outbox: OutboxRow;
  send_slots: SendSlotRow;
  send_pauses: SendPauseRow;
  scheduled_jobs: ScheduledJobRow;
  goals: GoalRow;
  clpl_activities: ClplActivityRow;
  attendance: AttendanceRow;
  feedback_responses: FeedbackResponseRow;
  follow_up_responses: FollowUpResponseRow;
  learning_shares: LearningShareRow;
  calendar_feeds: CalendarFeedRow;
  offer_proposals: OfferProposalRow;
  programme_imports: ProgrammeImportRow;
  unreachable_people: UnreachablePersonRow;
  work_patterns: WorkPatternRow;
  record_downloads: RecordDownloadRow;
  record_download_links: RecordDownloadLinkRow;
}

export interface SchoolRow {
  id: string;
  name: string;
  tenant_id: string | null;
  clpl_channel_id: string | null;
  clpl_channel_name: string | null;
  created_at: string;
}

export interface ChannelRow {
  school_id: string;
  channel_id: string;
  name: string;
}

export interface SchoolMemberRow {
  school_id: string;
  person_id: string;
  name: string;
  seen_at: string;
  email: string | null;
}

export interface AddressRow {
  address_key: string;
  address: string;
  updated_at: string;
}

export interface OfferRow {
  id: string;
  school_id: string;
  title: string;
  description: string;
  facilitator: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  location: string | null;
  online_link: string | null;
  capacity: number;
  signups_close_at: string;
  tags: string;
  status: string;
  created_by_id: string;
  created_by_name: string;
  created_at: string;
  revision: number;
  /** Weeks until the practice follow-up; null: the deployment's default (0016_practice_follow_up). */
  follow_up_weeks: number | null;
  /** 0020_group_offers: the group offered to, places per school and their release; null for a school's own offer. */
  group_id: string | null;
  quota_per_school: number | null;
  quota_releases_at: string | null;
  /** 0023_school_approval: 1 when each place needs the person's school to approve it. */
  needs_approval: number;
}

export interface SignUpRow {
  offer_id: string;
  person_id: string;
  person_name: string;
  status: string;
  queue_number: number;
  signed_up_at: string;
  updated_at: string;
  /** The school the sign-up came from (0020_group_offers); null for older rows. */
  school_id: string | null;
}

export interface OfferCardRow {
  offer_id: string;
  conversation_id: string;
  activity_id: string;
  shown_revision: number;
  updated_at: string;
  /** While set and in the future, one instance is redrawing the card; others leave it alone. */
  claimed_until: string | null;
  /** The school whose channel holds the card (0020_group_offers). */
  school_id: string | null;
  /** Set when the card's school left the offer's group: it is never redrawn again. */
  retired_at: string | null;
}

export interface OutboxRow {
  id: Generated<number>;
  idempotency_key: string;
  school_id: string;
  recipient_id: string;
  notice: string;
  status: string;
  attempts: number;
  available_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  given_up_at: string | null;
}

/** One send to a conversation, in epoch milliseconds, for Teams' per-conversation rate limits. */
export interface SendSlotRow {
  id: Generated<number>;
  conversation_key: string;
  sent_at_ms: number;
}

/** One row per conversation ever sent to: holds a 429 pause and is what PostgreSQL locks to serialise reservations. */
export interface SendPauseRow {
  conversation_key: string;
  paused_until_ms: number;
}

export interface ScheduledJobRow {
  id: Generated<number>;
  job_key: string;
  job: string;
  status: string;
  due_at: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export type Dialect = 'sqlite' | 'postgres';

import { AddressBook } from './addressBook';
import { CalendarFeedStore } from './calendarFeeds';
import { ClplActivityStore } from './clplActivityStore';
import { EvidenceStore } from './evidenceStore';
import { GoalStore } from './goalStore';
import { JobQueue } from './jobs';
import { LearningShareStore } from './learningShareStore';
import { OfferCardLedger } from './offerBoard';
import { OfferStore } from './offerStore';
import { ReflectionStore } from './reflectionStore';
import { Outbox } from './outbox';
import { SubjectAccessReader, RecordDownloadLog } from './subjectAccess';
import { ProposalStore } from './proposalStore';
import { ReachabilityLog } from './reachability';
import { SchoolDirectory } from './schoolDirectory';
import { SendSlotLedgers } from './sendSlots';
import { TrackingCardLedger } from './trackingBoard';
import { WorkPatternStore } from './workPatterns';
import { PersonalDataStore } from './personalData';
import { SchoolGroups } from './schoolGroups';

/** Everything the app keeps, as chosen by configuration (embedded SQLite or PostgreSQL). */
export interface Stores {
  /** Where the data lives, for the start-up log (no credentials). */
  describe: string;
  offers: OfferStore;
  schools: SchoolDirectory;
  /** Groups of schools (cluster, authority, collaborative) and their CLPL leads. */
  groups: SchoolGroups;
  addresses: AddressBook;
  offerCards: OfferCardLedger;
  outbox: Outbox;
  jobs: JobQueue;
  sendSlots: SendSlotLedgers;
  /** Goals in this database (server.ts uses a SharePoint list instead when GOALS_STORE=graph). */
  goals: GoalStore;
  clplActivities: ClplActivityStore;
  /** Attendance and feedback after each session. */
  evidence: EvidenceStore;
  /** Personal calendar feed tokens and what each feed lists. */
  calendarFeeds: CalendarFeedStore;
  /** Offers proposed by staff, waiting for a senior leader. */
  proposals: ProposalStore;
  /** Who cannot be messaged 1:1, and why. */
  reachability: ReachabilityLog;
  /** PRD reflection prompts and answers, and the app's own line-management map. */
  reflections: ReflectionStore;
  /** Which tracking cards need redrawing, claimed by one instance at a time. */
  trackingCards: TrackingCardLedger;
  /** Learning shared back under offers' cards. */
  learningShares: LearningShareStore;
  /** Part-time staff's share of full time, for pro rata CLPL hours. */
  workPatterns: WorkPatternStore;
  /**
   * A cheap round trip to the database (`select 1`) for the health check: resolves when it answers within `timeoutMs`,
   * rejects when it cannot be reached, is closed, or is too slow. Never leaves a stuck connection for the app to use.
   */
  ping(timeoutMs: number): Promise<void>;
  /** Erasure of a person, leavers and retention (table-driven: adapters/sql/personalDataRules.ts). */
  personalData: PersonalDataStore;
  /** Subject access: everything kept about one person, in one read. */
  subjectAccess: SubjectAccessReader;
  /** Who downloaded whose record, and the bot's short-lived download links. */
  recordDownloads: RecordDownloadLog;
  close(): Promise<void>;
}

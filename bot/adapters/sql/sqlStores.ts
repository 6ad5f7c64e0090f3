import { SqlLearningShareStore } from './sqlLearningShareStore';
import { SqlPeerObservationStore } from './sqlPeerObservationStore';
import { Kysely } from 'kysely';
import { migrateToLatest } from './migrations/index';
import { Database, Dialect } from './schema';
import { SqlAddressBook } from './sqlAddressBook';
import { SqlWorkPatternStore } from './sqlWorkPatternStore';
import { SqlSchoolGroupStore } from './sqlSchoolGroupStore';
import { SqlCalendarFeedStore } from './sqlCalendarFeedStore';
import { SqlOfferCardLedger } from './sqlOfferCardLedger';
import { SqlOfferStore } from './sqlOfferStore';
import { SqlOutbox } from './sqlOutbox';
import { SqlProposalStore } from './sqlProposalStore';
import { SqlProgrammeImportStore } from './sqlProgrammeImportStore';
import { SqlReachabilityLog } from './sqlReachabilityLog';
import { SqlReflectionStore } from './sqlReflectionStore';
import { SqlJobQueue } from './sqlJobQueue';
import { SqlClplActivityStore, SqlGoalStore } from './sqlGoalStore';
import { SqlEvidenceStore } from './sqlEvidenceStore';
import { SqlSchoolDirectory } from './sqlSchoolDirectory';
import { SqlSendSlotLedger } from './sqlSendSlotLedger';
import { SqlTrackingCardLedger } from './sqlTrackingCardLedger';
import { SqlPersonalDataStore } from './sqlPersonalDataStore';
import { SqlSubjectAccessReader } from './sqlSubjectAccessReader';
import { Stores } from '../../ports/stores';
import { SqlOfferStoreOptions } from './sqlOfferStore';
import { kyselyWriteTransactions, WriteTransactions } from './transactions';
import { RunStatement } from './prepared';
import { pingThroughKysely } from './storePing';

/** Every store over one Kysely database; SQLite and PostgreSQL differ only in dialect and connection. */
export interface SqlStoreOptions {
  /** The health check's round trip, where the driver needs its own (PostgreSQL: a connection that hangs is dropped). */
  ping?: (timeoutMs: number) => Promise<void>;
  /** Faster ways than Kysely's to run the offer transactions (the sign-up path), where the driver offers one. */
  offerTransactions?: SqlOfferStoreOptions;
  /** Runs one prepared statement on its own, outside any transaction, without Kysely's per-query machinery. */
  runStatement?: RunStatement;
  /**
   * Where a burst of small writes that need no transaction of their own (people first seen) can ride along with the
   * sign-ups' transactions instead of costing a round trip each: PostgreSQL's grouped transactions. Without it they
   * simply run (on SQLite that measured cheaper than a savepoint in a group commit).
   */
  ridingWrites?: WriteTransactions;
}

export async function openSqlStores(db: Kysely<Database>, dialect: Dialect, describe: string, options: SqlStoreOptions = {}): Promise<Stores> {
  await migrateToLatest(db as Kysely<unknown>, dialect);
  const subjectAccess = new SqlSubjectAccessReader(db);
  // The sign-ups' write transactions also serve the send budget's reservations (PostgreSQL: pipelined, one relay;
  // SQLite: committed in groups).
  const writeTransactions = options.offerTransactions?.transactions ?? kyselyWriteTransactions(db, dialect);
  return {
    describe,
    offers: new SqlOfferStore(db, dialect, { ...options.offerTransactions, transactions: writeTransactions }),
    schools: new SqlSchoolDirectory(db, options.ridingWrites),
    addresses: new SqlAddressBook(db, options.ridingWrites),
    offerCards: new SqlOfferCardLedger(db, dialect),
    sendSlots: { forWindows: (windows) => new SqlSendSlotLedger(db, dialect, windows, { transactions: writeTransactions, runStatement: options.runStatement }) },
    outbox: new SqlOutbox(db, dialect),
    jobs: new SqlJobQueue(db, dialect),
    goals: new SqlGoalStore(db),
    clplActivities: new SqlClplActivityStore(db),
    evidence: new SqlEvidenceStore(db, dialect),
    calendarFeeds: new SqlCalendarFeedStore(db, options.runStatement),
    proposals: new SqlProposalStore(db, dialect),
    programmeImports: new SqlProgrammeImportStore(db, dialect),
    reachability: new SqlReachabilityLog(db),
    reflections: new SqlReflectionStore(db, dialect),
    trackingCards: new SqlTrackingCardLedger(db, dialect),
    workPatterns: new SqlWorkPatternStore(db),
    groups: new SqlSchoolGroupStore(db, dialect),
    ping: options.ping ?? pingThroughKysely(db as Kysely<unknown>),
    personalData: new SqlPersonalDataStore(db, dialect),
    subjectAccess,
    recordDownloads: subjectAccess,
    learningShares: new SqlLearningShareStore(db),
    peerObservations: new SqlPeerObservationStore(db, dialect),
    close: () => db.destroy(),
  };
}

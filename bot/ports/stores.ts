import { AddressBook } from './addressBook';
import { CalendarFeedStore } from './calendarFeeds';
import { ClplActivityStore } from './clplActivityStore';
import { EvidenceStore } from './evidenceStore';
import { GoalStore } from './goalStore';
import { JobQueue } from './jobs';
import { OfferCardLedger } from './offerBoard';
import { OfferStore } from './offerStore';
import { Outbox } from './outbox';
import { SchoolDirectory } from './schoolDirectory';
import { SendSlotLedgers } from './sendSlots';

/** Everything the app keeps, as chosen by configuration (embedded SQLite or PostgreSQL). */
export interface Stores {
  /** Where the data lives, for the start-up log (no credentials). */
  describe: string;
  offers: OfferStore;
  schools: SchoolDirectory;
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
  close(): Promise<void>;
}

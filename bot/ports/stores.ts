import { AddressBook } from './addressBook';
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
  close(): Promise<void>;
}

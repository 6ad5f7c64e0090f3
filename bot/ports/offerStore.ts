import { Offer } from '../domain/offer';
import { SeatPicture, SignUp } from '../domain/signUp';
import { NewJob } from './jobs';
import { NewNotice } from './outbox';

/** The writes one use case makes atomically; reads inside it are fresh and the offer row is locked. */
export interface OfferTransaction {
  /** Reads the offer and holds it until commit, so a capacity decision cannot race another one. */
  lockOffer(offerId: string): Promise<Offer | undefined>;
  signUpsForOffer(offerId: string): Promise<SignUp[]>;
  /**
   * Counts and the person's own row: what a sign-up decision needs, without reading every sign-up; `schoolId` (where
   * the sign-up comes from) adds how many places that school holds, for a group offer's quota.
   */
  seatPicture(offerId: string, personId: string, schoolId?: string): Promise<SeatPicture>;
  /** lockOffer, then seatPicture read once the lock is held, in one round trip where the database allows. */
  lockSeatPicture(offerId: string, personId: string, schoolId?: string): Promise<{ offer: Offer; picture: SeatPicture } | undefined>;
  insertOffer(offer: Offer): Promise<void>;
  /** Saves an edited (or cancelled) offer's details and status; the revision is left to raiseRevision. */
  updateOffer(offer: Offer): Promise<void>;
  saveSignUps(signUps: readonly SignUp[]): Promise<void>;
  /** Marks the offer as changed for everyone who sees its card. */
  raiseRevision(offerId: string): Promise<void>;
  /** saveSignUps then raiseRevision, in one statement where the database allows. */
  saveSignUpsRaisingRevision(offerId: string, signUps: readonly SignUp[]): Promise<void>;
  enqueueNotice(notice: NewNotice, now: Date): Promise<void>;
  /** The person's line manager in the school's own map, or null (who answers a school approval by that route). */
  lineManagerOf(schoolId: string, staffId: string): Promise<string | null>;
  /** Schedules (or moves) a job; see ports/jobs.ts. */
  scheduleJob(job: NewJob, now: Date): Promise<void>;
  /**
   * The person's calendar token, stored with this transaction's writes if they have none (`candidate` becomes it), as
   * CalendarFeedStore.tokenFor does. The answer is read after commit: a confirmed sign-up's card links to the person's
   * calendar without a second transaction.
   */
  calendarToken(personId: string, candidate: string, now: Date): Promise<{ answer: Promise<string> }>;
}

export interface PersonalSignUp {
  offer: Offer;
  signUp: SignUp;
  allSignUps: SignUp[];
}

/** What an offer transaction tells the store beforehand. */
export interface OfferTransactionScope {
  /**
   * The one offer it locks, and nothing else: the store may then run it inside one database transaction with others
   * on other offers (cheaper under load); locking any other offer in it is an error.
   */
  offerId: string;
}

export interface OfferStore {
  transaction<T>(work: (tx: OfferTransaction) => Promise<T>, scope?: OfferTransactionScope): Promise<T>;
  findOffer(offerId: string): Promise<Offer | undefined>;
  signUpsForOffer(offerId: string): Promise<SignUp[]>;
  /** A person's current (not withdrawn) sign-ups on offers that have not ended, soonest first. */
  upcomingSignUpsOf(personId: string, now: Date): Promise<PersonalSignUp[]>;
  /** A school's offers that have not started yet (cancelled ones too), soonest first. */
  upcomingOffersOf(schoolId: string, now: Date): Promise<Offer[]>;
  /** Open (not cancelled) offers to any of these groups that have not started yet, soonest first. */
  openGroupOffers(groupIds: readonly string[], now: Date): Promise<Offer[]>;
}

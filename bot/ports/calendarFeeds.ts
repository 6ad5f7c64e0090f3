import { Offer } from '../domain/offer';

/** A session on a person's calendar: one they hold a place on (confirmed, or held awaiting approval), or are waitlisted for. */
export interface CalendarSession {
  offer: Offer;
  status: 'confirmed' | 'awaiting_approval' | 'waitlisted';
}

/**
 * Personal calendar feeds. The token is the secret part of the feed's address (whoever has it sees that person's
 * sessions), so it is only ever looked up whole, never listed.
 */
export interface CalendarFeedStore {
  /** The person's token; `candidate` becomes it the first time (concurrent first calls agree on one). */
  tokenFor(personId: string, candidate: string, now: Date): Promise<string>;
  /** Replaces the person's token: the old address stops working at once. */
  replaceToken(personId: string, token: string, now: Date): Promise<void>;
  personWithToken(token: string): Promise<string | undefined>;
  /** Offers the person is confirmed, awaiting approval or waitlisted on that end after `since`, cancelled ones included, soonest first. */
  sessionsOf(personId: string, since: Date): Promise<CalendarSession[]>;
}

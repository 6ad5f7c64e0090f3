import { randomBytes } from 'node:crypto';
import { OfferTransaction } from '../../ports/offerStore';
import { AppDependencies } from '../dependencies';
import { CalendarEntry, calendarEntryOf, calendarUid, observationCalendarEntryOf, observationInCalendarOf } from './calendarEntries';

/** Past sessions stay in the feed this long: a subscribed calendar drops whatever the feed no longer lists. */
const keepPastSessionsMs = 180 * 24 * 60 * 60 * 1000;

export interface CalendarLinks {
  /** The personal feed, to subscribe to (Outlook: Add calendar → Subscribe from web). */
  feedUrl: string;
  /** One session as a file to open or import. */
  sessionUrl(offerId: string): string;
}

const tokenBytes = 32;
/** Random bytes drawn ahead, 128 tokens' worth: one call to the system's generator instead of one per sign-up. */
let entropy = Buffer.alloc(0);
let used = 0;

/** 32 random bytes, URL-safe: the unguessable part of a feed's address. Each slice of the pool is used once. */
export function newCalendarToken(): string {
  if (used + tokenBytes > entropy.length) {
    entropy = randomBytes(tokenBytes * 128);
    used = 0;
  }
  const token = entropy.subarray(used, used + tokenBytes).toString('base64url');
  used += tokenBytes;
  return token;
}

/** The person's calendar addresses (the token is made on first use), or null when the server's address is not known. */
export async function calendarLinks(deps: AppDependencies, personId: string): Promise<CalendarLinks | null> {
  const base = deps.publicUrl();
  if (!base) return null;
  const token = await deps.stores.calendarFeeds.tokenFor(personId, newCalendarToken(), deps.clock.now());
  return linksFor(base, token);
}

/**
 * As calendarLinks, from inside an offer transaction: a token made on first use is stored with the transaction's own
 * writes (on PostgreSQL in the round trip that commits) instead of in a transaction of its own. Read after commit.
 */
export async function calendarLinksAfterCommit(deps: AppDependencies, tx: OfferTransaction, personId: string): Promise<{ answer: Promise<CalendarLinks | null> }> {
  const base = deps.publicUrl();
  if (!base) return { answer: Promise.resolve(null) };
  const { answer } = await tx.calendarToken(personId, newCalendarToken(), deps.clock.now());
  const links = answer.then((token) => linksFor(base, token));
  links.catch(() => undefined); // read after commit; a failed transaction reports its own error
  return { answer: links };
}

/** A new secret address: links already shared or subscribed to stop working. */
export async function renewCalendarLinks(deps: AppDependencies, personId: string): Promise<CalendarLinks | null> {
  const base = deps.publicUrl();
  if (!base) return null;
  const token = newCalendarToken();
  await deps.stores.calendarFeeds.replaceToken(personId, token, deps.clock.now());
  return linksFor(base, token);
}

/** The sessions in the feed with this token, or undefined when no feed has it. */
export async function personalCalendar(deps: AppDependencies, token: string): Promise<CalendarEntry[] | undefined> {
  const personId = await deps.stores.calendarFeeds.personWithToken(token);
  if (!personId) return undefined;
  const since = new Date(deps.clock.now().getTime() - keepPastSessionsMs);
  const [sessions, observations] = await Promise.all([deps.stores.calendarFeeds.sessionsOf(personId, since), deps.stores.peerObservations.observationsOf(personId, since)]);
  return [...sessions.map(calendarEntryOf), ...observations.filter((o) => observationInCalendarOf(o, personId)).map((o) => observationCalendarEntryOf(o, personId))];
}

/**
 * One session from the feed with this token. Only sessions the feed lists are served, so a token opens nothing
 * beyond its owner's own sessions, and an offer id (visible to every member of the channel) opens nothing alone.
 */
export async function sessionCalendar(deps: AppDependencies, token: string, offerId: string): Promise<CalendarEntry | undefined> {
  return (await personalCalendar(deps, token))?.find((entry) => entry.uid === calendarUid(offerId));
}

function linksFor(base: string, token: string): CalendarLinks {
  const root = `${base.replace(/\/+$/, '')}/calendar/${token}`;
  return { feedUrl: `${root}/clpl.ics`, sessionUrl: (offerId) => `${root}/sessions/${encodeURIComponent(offerId)}.ics` };
}

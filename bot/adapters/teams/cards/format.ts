import { DateTime } from 'luxon';
import { Facilitator, Offer } from '../../../domain/offer';
import { ordinal } from '../../../domain/ordinal';
import { SeatSummary, Standing } from '../../../domain/signUp';

/**
 * Formatting in a time zone is costly and every card shows the same few times over and over, so results are kept
 * (bounded: the oldest are dropped first).
 */
function memoised(compute: (key: string) => string, limit = 2_000): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(key, value);
    }
    return value;
  };
}

/** "Thu 3 Dec 2026, 15:30–16:30" in the offer's own time zone. */
export function sessionTime(offer: Pick<Offer, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  return sessionTimeOf(`${offer.startsAt.getTime()}|${offer.endsAt.getTime()}|${offer.timeZone}`);
}

const sessionTimeOf = memoised((key) => {
  const [startMs, endMs, timeZone] = key.split('|') as [string, string, string];
  return formatSession({ startsAt: new Date(Number(startMs)), endsAt: new Date(Number(endMs)), timeZone });
});

function formatSession(offer: Pick<Offer, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const start = DateTime.fromJSDate(offer.startsAt, { zone: offer.timeZone });
  const end = DateTime.fromJSDate(offer.endsAt, { zone: offer.timeZone });
  const sameDay = start.hasSame(end, 'day');
  return `${start.toFormat('ccc d LLL yyyy, HH:mm')}–${sameDay ? end.toFormat('HH:mm') : end.toFormat('ccc d LLL yyyy, HH:mm')}`;
}

export function instantText(at: Date, timeZone: string): string {
  return instantTextOf(`${at.getTime()}|${timeZone}`);
}

const instantTextOf = memoised((key) => {
  const [ms, timeZone] = key.split('|') as [string, string];
  return DateTime.fromMillis(Number(ms), { zone: timeZone }).toFormat('ccc d LLL yyyy, HH:mm');
});

export function placeText(offer: Pick<Offer, 'location' | 'onlineLink'>): string {
  if (offer.location && offer.onlineLink) return `${offer.location} (or online)`;
  return offer.location ?? 'Online';
}

export function facilitatorText(facilitator: Facilitator): string {
  return facilitator.name;
}

export function seatsText(seats: SeatSummary): string {
  const places = (n: number) => `${n} ${n === 1 ? 'place' : 'places'}`;
  const seatPart = seats.seatsLeft === 0 ? `Full (${places(seats.capacity)})` : `${seats.seatsLeft} of ${places(seats.capacity)} left`;
  const awaiting = seats.awaiting > 0 ? ` · ${seats.awaiting} awaiting school approval` : '';
  return seats.waitlisted > 0 ? `${seatPart}${awaiting} · ${seats.waitlisted} on the waitlist` : `${seatPart}${awaiting}`;
}

export function standingText(standing: Standing): { line: string; color: 'Good' | 'Warning' | 'Default' } {
  switch (standing.kind) {
    case 'confirmed':
      return { line: "You're confirmed.", color: 'Good' };
    case 'awaiting_approval':
      return { line: "A place is held for you, awaiting your school's approval.", color: 'Warning' };
    case 'waitlisted':
      return { line: `You're ${ordinal(standing.position)} on the waitlist.`, color: 'Warning' };
    case 'withdrawn':
      return { line: 'You have withdrawn.', color: 'Default' };
    case 'none':
      return { line: "You're not signed up.", color: 'Default' };
  }
}

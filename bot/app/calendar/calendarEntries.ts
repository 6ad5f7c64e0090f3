import { Offer } from '../../domain/offer';
import { CalendarSession } from '../../ports/calendarFeeds';

/** One event as calendars see it, independent of the iCalendar library that writes it. */
export interface CalendarEntry {
  /** Stable per offer, so every download and feed refresh updates the same event rather than adding one. */
  uid: string;
  /**
   * The offer's revision: it rises with every change, in the same transaction, so a calendar always sees a larger
   * number for a newer version. Rises for sign-ups too, which calendars treat as a harmless refresh.
   */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  title: string;
  description: string;
  location: string | null;
  onlineLink: string | null;
  status: 'confirmed' | 'tentative' | 'cancelled';
}

export function calendarUid(offerId: string): string {
  return `clpl-offer-${offerId}@clpl`;
}

export function calendarEntryOf(session: CalendarSession): CalendarEntry {
  const { offer } = session;
  return {
    uid: calendarUid(offer.id),
    sequence: offer.revision,
    startsAt: offer.startsAt,
    endsAt: offer.endsAt,
    timeZone: offer.timeZone,
    title: offer.status === 'cancelled' ? `Cancelled: ${offer.title}` : offer.title,
    description: descriptionOf(offer, session.status),
    location: offer.location ?? (offer.onlineLink ? 'Online' : null),
    onlineLink: offer.onlineLink,
    status: offer.status === 'cancelled' ? 'cancelled' : session.status === 'confirmed' ? 'confirmed' : 'tentative',
  };
}

function descriptionOf(offer: Offer, status: CalendarSession['status']): string {
  const lines = [
    offer.status === 'cancelled' ? 'This CLPL session has been cancelled.' : status === 'waitlisted' ? 'You are on the waitlist for this CLPL session.' : 'You are confirmed for this CLPL session.',
    offer.description,
    `Facilitator: ${offer.facilitator.name}`,
    offer.onlineLink ? `Join online: ${offer.onlineLink}` : '',
  ];
  return lines.filter((line) => line !== '').join('\n\n');
}

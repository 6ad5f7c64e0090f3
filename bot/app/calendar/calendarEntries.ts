import { Offer } from '../../domain/offer';
import { observerOf, partnerOf, PeerObservation } from '../../domain/peerObservation';
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

const standingLine: Record<CalendarSession['status'], string> = {
  confirmed: 'You are confirmed for this CLPL session.',
  awaiting_approval: "A place is held for you on this CLPL session, awaiting your school's approval.",
  waitlisted: 'You are on the waitlist for this CLPL session.',
};

function descriptionOf(offer: Offer, status: CalendarSession['status']): string {
  const lines = [
    offer.status === 'cancelled' ? 'This CLPL session has been cancelled.' : standingLine[status],
    offer.description,
    `Facilitator: ${offer.facilitator.name}`,
    offer.onlineLink ? `Join online: ${offer.onlineLink}` : '',
  ];
  return lines.filter((line) => line !== '').join('\n\n');
}

export function observationCalendarUid(observationId: string): string {
  return `clpl-${observationId}@clpl`;
}

/**
 * A peer observation in one of the two people's calendar: confirmed once accepted, tentative to the person who asked
 * while it waits, cancelled when declined or called off (so a calendar that had it drops it).
 */
export function observationCalendarEntryOf(observation: PeerObservation, personId: string): CalendarEntry {
  const partner = partnerOf(observation, personId);
  const visiting = observerOf(observation).id === personId;
  const title = visiting ? `Peer observation: visiting ${partner.name}` : `Peer observation: ${partner.name} visits`;
  const status = observation.status === 'accepted' ? 'confirmed' : observation.status === 'pending' ? 'tentative' : 'cancelled';
  return {
    uid: observationCalendarUid(observation.id),
    sequence: observation.revision,
    startsAt: observation.startsAt,
    endsAt: observation.endsAt,
    timeZone: observation.timeZone,
    title: status === 'cancelled' ? `Cancelled: ${title}` : title,
    description: [`Focus: ${observation.focus.label}`, 'Afterwards you will both be asked for a short reflection, which only the two of you can read.'].join('\n\n'),
    location: observation.place || null,
    onlineLink: null,
    status,
  };
}

/** Whether the observation belongs in this person's calendar: the colleague sees it once accepted (or called off after). */
export function observationInCalendarOf(observation: PeerObservation, personId: string): boolean {
  if (observation.initiator.id === personId) return true;
  return observation.colleague.id === personId && (observation.status === 'accepted' || (observation.status === 'cancelled' && observation.decidedAt !== null && observation.revision > 2));
}

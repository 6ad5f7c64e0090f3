import { Offer } from '../domain/offer';
import { deliveryTimeBefore, QuietHours } from '../domain/quietHours';
import { NewJob } from '../ports/jobs';

/**
 * When a notice about an offer may be delivered: at once when urgent; otherwise once quiet hours are over, unless that
 * would be after the session has started (then at once: late news is better than news after the fact).
 */
export function noticeDeliveryTime(now: Date, startsAt: Date, quiet: QuietHours, urgent: boolean): Date {
  return urgent ? now : deliveryTimeBefore(now, startsAt, quiet);
}

export function sessionRemindersKey(offerId: string): string {
  return `session_reminders:${offerId}`;
}

/** The reminder job for an offer; scheduling it again under the same key moves it. */
export function sessionRemindersJob(offer: Pick<Offer, 'id' | 'startsAt'>, now: Date, leadMs: number): NewJob {
  return {
    key: sessionRemindersKey(offer.id),
    dueAt: new Date(Math.max(now.getTime(), offer.startsAt.getTime() - leadMs)),
    job: { kind: 'session_reminders', offerId: offer.id },
  };
}

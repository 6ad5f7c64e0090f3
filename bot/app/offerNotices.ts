import { Offer } from '../domain/offer';
import { deliveryTimeBefore, QuietHours } from '../domain/quietHours';
import { NewJob } from '../ports/jobs';
import { followUpRemindersKey, followUpRequestsKey } from './followUp/followUpTiming';
import { quotaReleaseKey } from './groupOffers/quotaRelease';

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

export function feedbackRequestsKey(offerId: string): string {
  return `feedback_requests:${offerId}`;
}

export function feedbackRemindersKey(offerId: string): string {
  return `feedback_reminders:${offerId}`;
}

/**
 * The feedback-request job for an offer, a configured time after it ends. Scheduled with the offer so that it moves
 * when the end time is edited; it asks only those marked as attending, so before attendance is marked it does nothing,
 * and marking attendance schedules it again under the same key.
 */
export function feedbackRequestsJob(offer: Pick<Offer, 'id' | 'endsAt'>, now: Date, delayMs: number): NewJob {
  return {
    key: feedbackRequestsKey(offer.id),
    dueAt: new Date(Math.max(now.getTime(), offer.endsAt.getTime() + delayMs)),
    job: { kind: 'feedback_requests', offerId: offer.id },
  };
}

/** Every job an offer may have pending: all are dropped when it is cancelled. */
export function offerJobKeys(offerId: string): string[] {
  return [sessionRemindersKey(offerId), feedbackRequestsKey(offerId), feedbackRemindersKey(offerId), followUpRequestsKey(offerId), followUpRemindersKey(offerId), quotaReleaseKey(offerId)];
}

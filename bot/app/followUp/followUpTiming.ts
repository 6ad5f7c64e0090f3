import { followUpWindow, FollowUpWindow } from '../../domain/followUp';
import { Offer } from '../../domain/offer';
import { NewJob } from '../../ports/jobs';
import { EvidenceSettings } from '../evidenceSettings';

/** When the offer's follow-up opens and closes under this deployment's settings (terms, default weeks). */
export function followUpWindowOf(offer: Pick<Offer, 'endsAt' | 'followUpWeeks'>, evidence: EvidenceSettings): FollowUpWindow | null {
  return followUpWindow(offer, evidence.followUp, { terms: evidence.terms, timeZone: evidence.timeZone });
}

export function followUpRequestsKey(offerId: string): string {
  return `follow_up_requests:${offerId}`;
}

export function followUpRemindersKey(offerId: string): string {
  return `follow_up_reminders:${offerId}`;
}

/**
 * The follow-up job for an offer, at the time it opens; null when the offer has none. Scheduled when attendance is
 * marked (only attendees are asked), again under the same key when it is corrected.
 */
export function followUpRequestsJob(offer: Pick<Offer, 'id' | 'endsAt' | 'followUpWeeks'>, now: Date, evidence: EvidenceSettings): NewJob | null {
  const window = followUpWindowOf(offer, evidence);
  if (!window) return null;
  return { key: followUpRequestsKey(offer.id), dueAt: new Date(Math.max(now.getTime(), window.opensAt.getTime())), job: { kind: 'follow_up_requests', offerId: offer.id } };
}

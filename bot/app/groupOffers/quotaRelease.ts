import { Offer } from '../../domain/offer';
import { promotionsOnQuotaRelease } from '../../domain/signUp';
import { NewJob } from '../../ports/jobs';
import { AppDependencies } from '../dependencies';
import { tellPromoted } from '../promotionNotices';

export function quotaReleaseKey(offerId: string): string {
  return `quota_release:${offerId}`;
}

/** The job that returns a group offer's unused places to the pool at its release date; null when it has none. */
export function quotaReleaseJob(offer: Pick<Offer, 'id' | 'quotaPerSchool' | 'quotaReleasesAt'>, now: Date): NewJob | null {
  if (offer.quotaPerSchool === undefined || !offer.quotaReleasesAt) return null;
  return {
    key: quotaReleaseKey(offer.id),
    dueAt: new Date(Math.max(now.getTime(), offer.quotaReleasesAt.getTime())),
    job: { kind: 'quota_release', offerId: offer.id },
  };
}

/**
 * The release date has come: in one transaction on a fresh, locked read, the waitlist moves up in queue order into the
 * places no school used, each person promoted is told through the outbox, and every card is redrawn. Running it again
 * (a retry, or an edit that moved the date) promotes no one twice: the decision is made from the rows as they are.
 */
export async function releaseQuota(deps: AppDependencies, offerId: string): Promise<void> {
  const promoted = await deps.stores.offers.transaction(async (tx) => {
    const offer = await tx.lockOffer(offerId);
    if (!offer) return 0;
    const now = deps.clock.now();
    const promotions = promotionsOnQuotaRelease(offer, await tx.signUpsForOffer(offer.id), now);
    if (promotions.length === 0) return 0;
    await tx.saveSignUps(promotions);
    await tx.raiseRevision(offer.id);
    await tellPromoted(deps, tx, offer, promotions, now);
    return promotions.length;
  });
  if (promoted > 0) {
    deps.afterCommit.offerChanged(offerId);
    deps.afterCommit.noticesQueued();
  }
}

import { noticeSchoolOf } from './noticeSchool';
import { Offer } from '../../domain/offer';
import { promotionsOnQuotaRelease, SignUp } from '../../domain/signUp';
import { NewJob } from '../../ports/jobs';
import { OfferTransaction } from '../../ports/offerStore';
import { AppDependencies } from '../dependencies';
import { requestApprovals } from '../approval/requestApprovals';

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

/**
 * Each person moved up from the waitlist gets a notice (keyed as withdraw.ts keys its own, so never twice); on an
 * offer that needs approval their seat is held and their school is asked instead.
 */
export async function tellPromoted(deps: AppDependencies, tx: OfferTransaction, offer: Offer, promoted: readonly SignUp[], now: Date): Promise<void> {
  await requestApprovals(deps, tx, offer, promoted, now);
  for (const signUp of promoted.filter((s) => s.status === 'confirmed')) {
    await tx.enqueueNotice(
      {
        idempotencyKey: `waitlist_promotion:${offer.id}:${signUp.person.id}:${signUp.queueNumber}:r${offer.revision}`,
        schoolId: noticeSchoolOf(offer, signUp),
        recipientId: signUp.person.id,
        notice: { kind: 'waitlist_promotion', offerId: offer.id, offerTitle: offer.title, startsAt: offer.startsAt.toISOString(), timeZone: offer.timeZone },
      },
      now,
    );
  }
}

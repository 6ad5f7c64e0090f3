import { Offer } from '../domain/offer';
import { SignUp } from '../domain/signUp';
import { OfferTransaction } from '../ports/offerStore';
import { requestApprovals } from './approval/requestApprovals';
import { AppDependencies } from './dependencies';
import { noticeSchoolOf } from './groupOffers/noticeSchool';

/**
 * Each person moved up from the waitlist gets a notice (keyed by offer, person, queue number and revision, so never twice); on an
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

import { DomainError } from '../domain/errors';
import { Offer } from '../domain/offer';
import { decideCancellation } from '../domain/offerChanges';
import { Person } from '../domain/person';
import { holdsSeat } from '../domain/signUp';
import { AppDependencies } from './dependencies';
import { noticeDeliveryTime, offerJobKeys } from './offerNotices';
import { assertMayChangeOffer } from './groupOffers/mayChange';
import { noticeSchoolOf } from './groupOffers/noticeSchool';

export interface CancelOutcome {
  offer: Offer;
  told: number;
  urgent: boolean;
}

/**
 * An SLT member of the offer's school cancels it: the card shows "Cancelled" once redrawn, everyone confirmed or
 * waitlisted is told (at once when the session is within a day, else after quiet hours) and its reminder and feedback
 * jobs are dropped.
 */
export async function cancelOffer(deps: AppDependencies, input: { offerId: string; person: Person }): Promise<CancelOutcome> {
  await assertMayChangeOffer(deps, input.offerId, input.person.id, 'cancel');
  const outcome = await deps.stores.offers.transaction(async (tx) => {
    const offer = await tx.lockOffer(input.offerId);
    if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
    if (offer.groupId === undefined && !deps.leadership.isSlt(offer.schoolId, input.person.id)) throw new DomainError('not_slt', 'Only senior leaders can cancel CLPL offers.');
    const now = deps.clock.now();
    const decision = decideCancellation(offer, await tx.signUpsForOffer(offer.id), now);
    await tx.updateOffer(decision.offer);
    await tx.raiseRevision(offer.id);
    const notBefore = noticeDeliveryTime(now, offer.startsAt, { ...deps.quietHours, timeZone: offer.timeZone }, decision.urgent);
    for (const signUp of decision.toTell) {
      await tx.enqueueNotice(
        {
          idempotencyKey: `offer_cancelled:${offer.id}:${signUp.person.id}`,
          schoolId: noticeSchoolOf(offer, signUp),
          recipientId: signUp.person.id,
          notice: { kind: 'offer_cancelled', offerId: offer.id, offerTitle: offer.title, startsAt: offer.startsAt.toISOString(), timeZone: offer.timeZone, wasConfirmed: holdsSeat(signUp.status) },
          notBefore,
        },
        now,
      );
    }
    return { offer: { ...decision.offer, revision: offer.revision + 1 }, told: decision.toTell.length, urgent: decision.urgent };
  });
  // Each job also checks the status when it runs, so dropping them after the commit cannot let a notice out.
  for (const key of offerJobKeys(outcome.offer.id)) await deps.stores.jobs.cancel(key);
  deps.afterCommit.offerChanged(outcome.offer.id);
  if (outcome.told > 0) deps.afterCommit.noticesQueued();
  return outcome;
}

import { DomainError } from '../domain/errors';
import { decideWithdrawal } from '../domain/signUp';
import { AppDependencies } from './dependencies';
import { applyChanges, PersonalOfferView, personalView, viewFor } from './signUp';
import { noticeSchoolOf } from './groupOffers/noticeSchool';

/**
 * What happens when someone withdraws: their seat or waitlist place is given up and, in the same transaction, the
 * first people on the waitlist take any free seat; each promoted person gets a notice through the outbox.
 */
export async function withdraw(deps: AppDependencies, input: { offerId: string; personId: string }): Promise<PersonalOfferView> {
  const view = await deps.stores.offers.transaction(async (tx) => {
    const offer = await tx.lockOffer(input.offerId);
    if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
    const signUps = await tx.signUpsForOffer(offer.id);
    const now = deps.clock.now();
    const decision = decideWithdrawal(offer, signUps, input.personId, now);
    await tx.saveSignUps(decision.changes);
    await tx.raiseRevision(offer.id);
    for (const promoted of decision.promoted) {
      await tx.enqueueNotice({
        // The revision too: a person moved back to the waitlist by an edit keeps their queue number and may move up again.
        idempotencyKey: `waitlist_promotion:${offer.id}:${promoted.person.id}:${promoted.queueNumber}:r${offer.revision}`,
        schoolId: noticeSchoolOf(offer, promoted),
        recipientId: promoted.person.id,
        notice: {
          kind: 'waitlist_promotion',
          offerId: offer.id,
          offerTitle: offer.title,
          startsAt: offer.startsAt.toISOString(),
          timeZone: offer.timeZone,
        },
      }, now);
    }
    return { view: viewFor(offer, applyChanges(signUps, decision.changes), input.personId, true).view, promoted: decision.promoted.length };
  });
  deps.afterCommit.offerChanged(input.offerId);
  if (view.promoted > 0) deps.afterCommit.noticesQueued();
  return personalView(deps, view.view);
}

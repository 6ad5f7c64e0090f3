import { DomainError } from '../domain/errors';
import { decideWithdrawal } from '../domain/signUp';
import { AppDependencies } from './dependencies';
import { tellPromoted } from './promotionNotices';
import { applyChanges, PersonalOfferView, personalView, viewFor } from './signUp';

/**
 * What happens when someone withdraws: their seat (confirmed or held for approval) or waitlist place is given up and,
 * in the same transaction, the first people on the waitlist take any free seat; each promoted person gets a notice
 * through the outbox (or, on an offer that needs approval, their seat is held and their school asked).
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
    await tellPromoted(deps, tx, offer, decision.promoted, now);
    return { view: viewFor(offer, applyChanges(signUps, decision.changes), input.personId, true).view, promoted: decision.promoted.length };
  }, { offerId: input.offerId });
  deps.afterCommit.offerChanged(input.offerId);
  if (view.promoted > 0) deps.afterCommit.noticesQueued();
  return personalView(deps, view.view);
}

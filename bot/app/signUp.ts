import { DomainError } from '../domain/errors';
import { Offer } from '../domain/offer';
import { Person } from '../domain/person';
import { decideSignUp, SeatSummary, seatSummary, SignUp, Standing, standingOf } from '../domain/signUp';
import { AppDependencies } from './dependencies';

export interface OfferStandingView {
  offer: Offer;
  seats: SeatSummary;
  standing: Standing;
  signedUpIds: string[];
}

/**
 * What happens when someone presses "Sign up": in one transaction that starts with a fresh, locked read of the offer
 * and its sign-ups, the domain decides (confirmed, waitlisted, unchanged or refused) and the result is written. After
 * commit the channel card is refreshed in the background; the person gets their own view straight back.
 */
export async function signUp(deps: AppDependencies, input: { offerId: string; person: Person }): Promise<OfferStandingView> {
  const view = await deps.stores.offers.transaction(async (tx) => {
    const offer = await tx.lockOffer(input.offerId);
    if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
    const signUps = await tx.signUpsForOffer(offer.id);
    const decision = decideSignUp(offer, signUps, input.person, deps.clock.now());
    if (decision.changes.length > 0) {
      await tx.saveSignUps(decision.changes);
      await tx.raiseRevision(offer.id);
    }
    return viewFor(offer, applyChanges(signUps, decision.changes), input.person.id, decision.changes.length > 0);
  });
  if (view.changed) deps.afterCommit.offerChanged(input.offerId);
  return view.view;
}

export async function viewOffer(deps: AppDependencies, input: { offerId: string; personId: string }): Promise<OfferStandingView> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  const signUps = await deps.stores.offers.signUpsForOffer(offer.id);
  return viewFor(offer, signUps, input.personId, false).view;
}

export function applyChanges(signUps: readonly SignUp[], changes: readonly SignUp[]): SignUp[] {
  const changed = new Map(changes.map((c) => [c.person.id, c]));
  const kept = signUps.map((s) => changed.get(s.person.id) ?? s);
  const added = changes.filter((c) => !signUps.some((s) => s.person.id === c.person.id));
  return [...kept, ...added];
}

export function viewFor(offer: Offer, signUps: readonly SignUp[], personId: string, changed: boolean) {
  const view: OfferStandingView = {
    offer,
    seats: seatSummary(offer, signUps),
    standing: standingOf(personId, signUps),
    signedUpIds: activeSignUpIds(signUps),
  };
  return { view, changed };
}

export function activeSignUpIds(signUps: readonly SignUp[]): string[] {
  return signUps.filter((s) => s.status !== 'withdrawn').map((s) => s.person.id);
}

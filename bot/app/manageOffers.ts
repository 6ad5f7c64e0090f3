import { DomainError } from '../domain/errors';
import { Offer } from '../domain/offer';
import { changeRefusal } from '../domain/offerChanges';
import { Person } from '../domain/person';
import { SeatSummary, seatSummary } from '../domain/signUp';
import { AppDependencies } from './dependencies';
import { assertMayChange } from './groupOffers/mayChange';

/** A school's upcoming offers for an SLT member to edit or cancel, with their seats. */
export async function offersToManage(deps: AppDependencies, input: { schoolId: string; person: Person }): Promise<Array<{ offer: Offer; seats: SeatSummary }>> {
  if (!deps.leadership.isSlt(input.schoolId, input.person.id)) throw new DomainError('not_slt', 'Only senior leaders can manage CLPL offers.');
  const upcoming = await deps.stores.offers.upcomingOffersOf(input.schoolId, deps.clock.now());
  // A group offer made from this school is its group's leads' to change: listed only for one of them.
  const offers: Offer[] = [];
  for (const offer of upcoming) if (offer.groupId === undefined || (await deps.stores.groups.isLead(offer.groupId, input.person.id))) offers.push(offer);
  return Promise.all(offers.map(async (offer) => ({ offer, seats: seatSummary(offer, await deps.stores.offers.signUpsForOffer(offer.id)) })));
}

/** The offer an SLT member of its own school is about to edit or cancel, with its seats; refused when it cannot change. */
export async function offerToChange(deps: AppDependencies, input: { offerId: string; person: Person }): Promise<{ offer: Offer; seats: SeatSummary }> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  await assertMayChange(deps, offer, input.person.id, 'change');
  const refusal = changeRefusal(offer, deps.clock.now());
  if (refusal) throw refusal;
  return { offer, seats: seatSummary(offer, await deps.stores.offers.signUpsForOffer(offer.id)) };
}

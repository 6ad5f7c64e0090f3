import { DomainError } from '../domain/errors';
import { Offer } from '../domain/offer';
import { changeRefusal } from '../domain/offerChanges';
import { Person } from '../domain/person';
import { SeatSummary, seatSummary } from '../domain/signUp';
import { AppDependencies } from './dependencies';
import { assertMayChange } from './groupOffers/mayChange';

/**
 * The upcoming offers a person may edit or cancel, with their seats: for SLT, their school's own offers; for a group's
 * CLPL lead (SLT or not, in a school the app knows or not), the open offers of the groups they lead. A group offer
 * made from an SLT's school is its group's leads' to change, so it is listed to them alone.
 */
export async function offersToManage(deps: AppDependencies, input: { schoolId: string | null; person: Person }): Promise<Array<{ offer: Offer; seats: SeatSummary }>> {
  const isSlt = input.schoolId !== null && deps.leadership.isSlt(input.schoolId, input.person.id);
  const led = (await deps.stores.groups.groupsLedBy(input.person.id)).map((g) => g.id);
  if (!isSlt && led.length === 0) throw new DomainError('not_slt', 'Only senior leaders and group CLPL leads can manage CLPL offers.');
  const now = deps.clock.now();
  const ofSchool = isSlt && input.schoolId !== null ? (await deps.stores.offers.upcomingOffersOf(input.schoolId, now)).filter((o) => o.groupId === undefined || led.includes(o.groupId)) : [];
  const ofGroups = await deps.stores.offers.openGroupOffers(led, now);
  const offers = [...new Map([...ofSchool, ...ofGroups].map((o) => [o.id, o])).values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
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

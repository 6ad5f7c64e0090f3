import { seatSummary, standingOf } from '../domain/signUp';
import { AppDependencies } from './dependencies';
import { OfferStandingView } from './signUp';

/** A person's upcoming sessions with their own standing on each ("confirmed", "2nd on the waitlist"). */
export async function myUpcomingClpl(deps: AppDependencies, personId: string): Promise<OfferStandingView[]> {
  const rows = await deps.stores.offers.upcomingSignUpsOf(personId, deps.clock.now());
  return rows.map(({ offer, allSignUps }) => ({
    offer,
    seats: seatSummary(offer, allSignUps),
    standing: standingOf(personId, allSignUps),
  }));
}

import { OfferImpact } from '../../domain/impact';
import { Offer } from '../../domain/offer';
import { confirmedOf } from '../../domain/signUp';
import { School } from '../../ports/schoolDirectory';
import { AppDependencies } from '../dependencies';
import { schoolForPerson } from '../schools';
import { Period } from '../../domain/terms';
import { offerImpactReport, reportableOffers, reportPeriods } from './impactReports';

export interface DashboardOffer {
  offer: Offer;
  /** For a group offer, of this school's staff only. */
  confirmed: number;
  waitlisted: number;
  /** Attendance and feedback figures once the session has started; null before. */
  impact: OfferImpact | null;
}

export interface OffersDashboard {
  school: School;
  offers: DashboardOffer[];
  /** The year, then each term: index i is the period CSV `/api/reports/periods/i.csv`. */
  periods: Period[];
}

/** The school the person leads, or null when they are not SLT anywhere the app knows (or no school is known yet). */
export async function sltSchoolOf(deps: AppDependencies, personId: string): Promise<School | null> {
  const school = await schoolForPerson(deps, personId).catch(() => null);
  return school && deps.leadership.isSlt(school.id, personId) ? school : null;
}

/**
 * SLT's view of the school's offers: upcoming ones with their sign-ups, then this year's started ones with
 * attendance and impact. Impact comes from offerImpactReport, so its SLT check and anonymity threshold apply.
 * A group offer is the school's when its staff signed up to it (from whichever school's channel it was made), and the
 * school sees its own people's sign-ups and impact only; a group offer made from this school that none of its staff
 * joined is the group leads' business, not the school's.
 */
export async function offersDashboard(deps: AppDependencies, personId: string): Promise<OffersDashboard> {
  const school = await schoolForPerson(deps, personId);
  const started = await reportableOffers(deps, { schoolId: school.id, personId });
  const now = deps.clock.now();
  const [own, joined] = await Promise.all([
    deps.stores.offers.upcomingOffersOf(school.id, now),
    deps.stores.evidence.offersStartedBetween(school.id, new Date(now.getTime() + 1), endOfTime, 50),
  ]);
  const upcoming = [...own.filter((o) => o.groupId === undefined), ...joined.filter((o) => o.groupId !== undefined).reverse()]
    .filter((o) => !started.some((s) => s.id === o.id))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const offers = await Promise.all(
    [...upcoming, ...started].map(async (offer): Promise<DashboardOffer> => {
      const all = await deps.stores.offers.signUpsForOffer(offer.id);
      const signUps = offer.groupId === undefined ? all : all.filter((s) => s.schoolId === school.id);
      const hasStarted = offer.startsAt.getTime() <= now.getTime();
      return {
        offer,
        confirmed: confirmedOf(signUps).length,
        waitlisted: signUps.filter((s) => s.status === 'waitlisted').length,
        impact: hasStarted ? await offerImpactReport(deps, { offerId: offer.id, personId }) : null,
      };
    }),
  );
  return { school, offers, periods: reportPeriods(deps) };
}

const endOfTime = new Date('9999-01-01T00:00:00Z');

import { DomainError } from '../../domain/errors';
import { offerImpact, OfferImpact, periodReport, PeriodReport } from '../../domain/impact';
import { followUpsByTag, followUpSummary } from '../../domain/followUpImpact';
import { Offer } from '../../domain/offer';
import { followUpWindowOf } from '../followUp/followUpTiming';
import { Period, schoolYear, schoolYearStartOf, termsOf } from '../../domain/terms';
import { AppDependencies } from '../dependencies';
import { evidenceForReader } from '../../domain/groupOfferEvidence';
import { groupOfferReader } from './groupOfferReaders';

/**
 * Impact reports are for SLT of the offer's school: answers are given in confidence to the school's leadership. A
 * group offer's report is for its group's leads and for each member school's SLT, each seeing only their share
 * (groupOfferReader, evidenceForReader); the anonymity threshold applies to that share.
 */
export async function offerImpactReport(deps: AppDependencies, input: { offerId: string; personId: string }): Promise<OfferImpact> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  if (offer.groupId === undefined) requireSlt(deps, offer.schoolId, input.personId);
  const [allSignUps, allAttendance, allResponses, allFollowUps] = await Promise.all([
    deps.stores.offers.signUpsForOffer(offer.id),
    deps.stores.evidence.attendanceFor(offer.id),
    deps.stores.evidence.feedbackFor(offer.id),
    deps.stores.evidence.followUpsFor(offer.id),
  ]);
  const all = { signUps: allSignUps, attendance: allAttendance, responses: allResponses, followUps: allFollowUps };
  const { signUps, attendance, responses, followUps } =
    offer.groupId === undefined ? all : evidenceForReader(await groupOfferReader(deps, offer.groupId, allSignUps, input.personId), all);
  const impact = offerImpact({ offer, signUps, attendance, responses, minResponses: deps.evidence.minResponsesToShow });
  const window = followUpWindowOf(offer, deps.evidence);
  const asked = window && window.opensAt.getTime() <= deps.clock.now().getTime() ? attendance.filter((r) => r.attended).map((r) => ({ offerId: offer.id, personId: r.person.id })) : [];
  return { ...impact, followUp: { window, summary: followUpSummary({ asked, feedback: responses, followUps, minResponses: deps.evidence.minResponsesToShow }) } };
}

/** Sessions of this school year that have started, latest first: what SLT can choose a report for. */
export async function reportableOffers(deps: AppDependencies, input: { schoolId: string; personId: string; limit?: number }): Promise<Offer[]> {
  requireSlt(deps, input.schoolId, input.personId);
  const now = deps.clock.now();
  const year = currentYear(deps);
  return deps.stores.evidence.offersStartedBetween(input.schoolId, year.from, new Date(Math.min(year.to.getTime(), now.getTime() + 1)), input.limit ?? 20);
}

/** The periods a school can report on this year: the year itself, then each configured term. */
export function reportPeriods(deps: AppDependencies): Period[] {
  const start = schoolYearStartOf(deps.clock.now(), deps.evidence.timeZone);
  return [schoolYear(start, deps.evidence.timeZone), ...termsOf(start, deps.evidence.terms, deps.evidence.timeZone)];
}

/** Sessions and hours per person and per tag in one of `reportPeriods` (0 is the whole year). */
export async function schoolPeriodReport(deps: AppDependencies, input: { schoolId: string; personId: string; periodIndex: number }): Promise<PeriodReport> {
  requireSlt(deps, input.schoolId, input.personId);
  const period = reportPeriods(deps)[input.periodIndex];
  if (!period) throw new DomainError('report_period_unknown', 'That period is not one of this school year.');
  const [sessions, answers] = await Promise.all([
    deps.stores.evidence.attendedSessions(input.schoolId, period.from, period.to),
    deps.stores.evidence.answersOfSchool(input.schoolId, period.from, period.to),
  ]);
  const now = deps.clock.now().getTime();
  const opened = (offer: Offer) => {
    const window = followUpWindowOf(offer, deps.evidence);
    return window !== null && window.opensAt.getTime() <= now;
  };
  const asked = sessions.filter((s) => s.record.attended && opened(s.offer)).map((s) => ({ offerId: s.offer.id, personId: s.record.person.id }));
  const offers = [...new Map(sessions.map((s) => [s.offer.id, s.offer])).values()];
  const followUp = followUpsByTag({ offers, asked, ...answers, minResponses: deps.evidence.minResponsesToShow });
  return { ...periodReport(period, sessions), followUp };
}

function currentYear(deps: AppDependencies): Period {
  return schoolYear(schoolYearStartOf(deps.clock.now(), deps.evidence.timeZone), deps.evidence.timeZone);
}

function requireSlt(deps: AppDependencies, schoolId: string, personId: string): void {
  if (!deps.leadership.isSlt(schoolId, personId)) throw new DomainError('not_slt', 'Impact reports are for senior leaders.');
}

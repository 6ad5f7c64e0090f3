import { DomainError } from '../../domain/errors';
import { GroupOfferReader } from '../../domain/groupOfferEvidence';
import { Offer } from '../../domain/offer';
import { SignUp } from '../../domain/signUp';
import { schoolYear, schoolYearStartOf } from '../../domain/terms';
import { AppDependencies } from '../dependencies';

/**
 * How much of a group offer's report this person may read (see GroupOfferReader): all of it, unnamed, as a lead of
 * its group (or of a group containing it); their own school's people as SLT of a school in the group or of a school
 * someone signed up from (a school that has since left keeps its own staff's evidence). Anyone else, a lead of
 * another group included, is refused.
 */
export async function groupOfferReader(deps: AppDependencies, groupId: string, signUps: readonly SignUp[], personId: string): Promise<GroupOfferReader> {
  if (await deps.stores.groups.isLead(groupId, personId)) return { kind: 'group_lead' };
  const schools = new Set([...(await deps.stores.groups.schoolsIn(groupId)), ...signUps.flatMap((s) => (s.schoolId === undefined ? [] : [s.schoolId]))]);
  const schoolIds = [...schools].filter((id) => deps.leadership.isSlt(id, personId)).sort();
  if (schoolIds.length === 0) throw new DomainError('not_group_lead', 'The reports of a group’s session are for its CLPL leads, and the senior leaders of its schools for their own staff.');
  return { kind: 'school_slt', schoolIds };
}

/** This school year's started offers to the groups the person leads, latest first: their choice of group reports. */
export async function groupOffersToReport(deps: AppDependencies, personId: string, limit = 20): Promise<Offer[]> {
  const led = (await deps.stores.groups.groupsLedBy(personId)).map((g) => g.id);
  if (led.length === 0) return [];
  const now = deps.clock.now();
  const year = schoolYear(schoolYearStartOf(now, deps.evidence.timeZone), deps.evidence.timeZone);
  return deps.stores.evidence.groupOffersStartedBetween(led, year.from, new Date(Math.min(year.to.getTime(), now.getTime() + 1)), limit);
}

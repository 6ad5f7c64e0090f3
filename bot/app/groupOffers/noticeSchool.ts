import { Offer } from '../../domain/offer';
import { SignUp } from '../../domain/signUp';

/**
 * The school a notice to someone on an offer is filed under (a person who cannot be reached is listed for that
 * school's SLT under `unreachable`): for a group offer, the school the person signed up from, so one school's SLT is
 * never shown another school's staff and their own staff are not missing; for a school's own offer, that school.
 */
export function noticeSchoolOf(offer: Pick<Offer, 'schoolId' | 'groupId'>, signUp: SignUp | undefined): string {
  return offer.groupId === undefined ? offer.schoolId : (signUp?.schoolId ?? offer.schoolId);
}

/** The school of each person signed up to a group offer, for notices sent from its attendance (none needed otherwise). */
export async function signUpSchools(offer: Pick<Offer, 'id' | 'groupId'>, signUpsForOffer: (offerId: string) => Promise<SignUp[]>): Promise<Map<string, SignUp>> {
  if (offer.groupId === undefined) return new Map();
  return new Map((await signUpsForOffer(offer.id)).map((s) => [s.person.id, s]));
}

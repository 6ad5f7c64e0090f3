import { Offer } from '../../domain/offer';
import { NewJob } from '../../ports/jobs';
import { School } from '../../ports/schoolDirectory';
import { AppDependencies } from '../dependencies';

export function groupPostingKey(offerId: string): string {
  return `group_offer_posting:${offerId}`;
}

/** Scheduled in the transaction that saves a group offer, so an offer is never saved without its cards to come. */
export function groupPostingJob(offer: Pick<Offer, 'id'>, now: Date): NewJob {
  return { key: groupPostingKey(offer.id), dueAt: now, job: { kind: 'group_offer_posting', offerId: offer.id } };
}

/** A member school whose SLT have chosen its CLPL channel: where its card of a group offer goes. */
export interface SchoolWithChannel {
  id: string;
  school: School & { clplChannel: NonNullable<School['clplChannel']> };
}

/** A group's member schools: those with a CLPL channel, and those without one (with their record, if set up). */
export async function memberSchools(deps: AppDependencies, groupId: string): Promise<{ withChannel: SchoolWithChannel[]; withoutChannel: Array<{ id: string; school: School | undefined }> }> {
  const ids = await deps.stores.groups.schoolsIn(groupId);
  const members = await Promise.all(ids.map(async (id) => ({ id, school: await deps.stores.schools.findSchool(id) })));
  return {
    withChannel: members.filter((m): m is SchoolWithChannel => !!m.school?.clplChannel),
    withoutChannel: members.filter((m) => !m.school?.clplChannel),
  };
}

/** How a member school is named to the lead: its name once set up, else the id the group lists. */
export function memberName(member: { id: string; school: School | undefined }): string {
  return member.school?.name ?? member.id;
}

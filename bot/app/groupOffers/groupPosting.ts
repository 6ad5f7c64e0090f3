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

/** A group's member schools, each with its record (if the school has set the app up). */
export async function memberSchools(deps: AppDependencies, groupId: string): Promise<Array<{ id: string; school: School | undefined }>> {
  const ids = await deps.stores.groups.schoolsIn(groupId);
  return Promise.all(ids.map(async (id) => ({ id, school: await deps.stores.schools.findSchool(id) })));
}

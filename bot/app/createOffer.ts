import { DomainError } from '../domain/errors';
import { createOffer as buildOffer, Offer, OfferDraft } from '../domain/offer';
import { Person } from '../domain/person';
import { seatSummary } from '../domain/signUp';
import { AppDependencies } from './dependencies';
import { groupPostingJob, memberName, memberSchools } from './groupOffers/groupPosting';
import { quotaReleaseJob } from './groupOffers/quotaRelease';
import { feedbackRequestsJob, sessionRemindersJob } from './offerNotices';

export interface CreatedOffer {
  offer: Offer;
  channelName: string;
  /**
   * A group offer: how many schools' channels its cards are being posted to (a job does it; the author is told when
   * it is done), and the schools skipped because they have no CLPL channel.
   */
  group?: { name: string; posting: number; skipped: Array<{ schoolId: string; name: string; reason: 'no_clpl_channel' }> };
}

/**
 * An SLT member creates an offer for their school, or a group's CLPL lead for every school of the group: it is saved,
 * then posted to the school's CLPL channel (a group offer's cards by a job, see groupOffers/postGroupOffer.ts) and
 * every card's place is kept so later changes update them in place.
 */
export async function createOffer(
  deps: AppDependencies,
  /** `offerId`: fixed by the caller when a retry must find the offer it made (a programme's publish job). */
  input: { schoolId: string | null; author: Person; draft: OfferDraft; offerId?: string; groupId?: string },
): Promise<CreatedOffer> {
  if (input.groupId !== undefined) return createGroupOffer(deps, { ...input, groupId: input.groupId });
  if (input.schoolId === null) throw new DomainError('school_unknown', 'I could not tell which school you are in.');
  if (!deps.leadership.isSlt(input.schoolId, input.author.id)) {
    throw new DomainError('not_slt', 'Only senior leaders can create CLPL offers.');
  }
  const school = await deps.stores.schools.findSchool(input.schoolId);
  if (!school) throw new DomainError('school_unknown', 'This school is not set up yet.');
  if (!school.clplChannel) throw new DomainError('clpl_channel_not_set', 'No CLPL channel has been chosen for this school.');

  const offer = await saveNewOffer(deps, input.draft, { id: input.offerId, schoolId: school.id, author: input.author });
  await postNewOffer(deps, offer, school.clplChannel.id, school.id);
  return { offer, channelName: school.clplChannel.name };
}

async function createGroupOffer(deps: AppDependencies, input: { schoolId: string | null; author: Person; draft: OfferDraft; offerId?: string; groupId: string }): Promise<CreatedOffer> {
  const group = await deps.stores.groups.findGroup(input.groupId);
  if (!group || !(await deps.stores.groups.isLead(group.id, input.author.id))) {
    throw new DomainError('not_group_lead', 'Only a CLPL lead of the group can offer CLPL to its schools.');
  }
  const { withChannel, withoutChannel } = await memberSchools(deps, group.id);
  if (withChannel.length === 0) throw new DomainError('clpl_channel_not_set', 'No school of this group has chosen a CLPL channel yet.');
  // The offer belongs to the author's school when it is in the group's records, else to the first member school.
  const home = [...withChannel, ...withoutChannel].find((m) => m.id === input.schoolId && m.school)?.id ?? withChannel[0]!.id;

  // Saved with its posting job in one transaction; the job posts the cards (the lead's form is answered at once).
  const offer = await saveNewOffer(deps, input.draft, { id: input.offerId, schoolId: home, author: input.author, groupId: group.id });
  deps.afterCommit.jobsDue();
  const skipped = withoutChannel.map((m) => ({ schoolId: m.id, name: memberName(m), reason: 'no_clpl_channel' as const }));
  const channelName = withChannel.find((m) => m.id === home)?.school.clplChannel.name ?? withChannel[0]!.school.clplChannel.name;
  return { offer, channelName, group: { name: group.name, posting: withChannel.length, skipped } };
}

async function saveNewOffer(deps: AppDependencies, draft: OfferDraft, owner: { id: string | undefined; schoolId: string; author: Person; groupId?: string }): Promise<Offer> {
  const now = deps.clock.now();
  const offer = buildOffer(draft, { ...owner, id: owner.id ?? deps.newId(), now, catalogue: deps.tagCatalogue });
  await deps.stores.offers.transaction(async (tx) => {
    await tx.insertOffer(offer);
    await tx.scheduleJob(sessionRemindersJob(offer, now, deps.reminderLeadMs), now);
    await tx.scheduleJob(feedbackRequestsJob(offer, now, deps.evidence.feedback.requestDelayMs), now);
    const release = quotaReleaseJob(offer, now);
    if (release) await tx.scheduleJob(release, now);
    if (offer.groupId !== undefined) await tx.scheduleJob(groupPostingJob(offer, now), now);
  });
  return offer;
}

/** Posts a just-saved offer to a CLPL channel and keeps the card's place, so later changes update it in place. */
export async function postNewOffer(deps: AppDependencies, offer: Offer, channelId: string, schoolId?: string): Promise<void> {
  const posted = await deps.board.post(channelId, { offer, seats: seatSummary(offer, []), signedUpIds: [], sharedCount: 0 });
  await deps.stores.offerCards.recordPosted(schoolId === undefined ? posted : { ...posted, schoolId }, offer.revision);
}

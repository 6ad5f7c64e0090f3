import { DomainError } from '../domain/errors';
import { createOffer as buildOffer, Offer, OfferDraft } from '../domain/offer';
import { Person } from '../domain/person';
import { seatSummary } from '../domain/signUp';
import { AppDependencies } from './dependencies';
import { feedbackRequestsJob, sessionRemindersJob } from './offerNotices';

export interface CreatedOffer {
  offer: Offer;
  channelName: string;
}

/**
 * An SLT member creates an offer: it is saved, then posted to the school's CLPL channel and the card's place is kept
 * so later changes update it in place.
 */
export async function createOffer(
  deps: AppDependencies,
  /** `offerId`: fixed by the caller when a retry must find the offer it made (a programme's publish job). */
  input: { schoolId: string; author: Person; draft: OfferDraft; offerId?: string },
): Promise<CreatedOffer> {
  if (!deps.leadership.isSlt(input.schoolId, input.author.id)) {
    throw new DomainError('not_slt', 'Only senior leaders can create CLPL offers.');
  }
  const school = await deps.stores.schools.findSchool(input.schoolId);
  if (!school) throw new DomainError('school_unknown', 'This school is not set up yet.');
  if (!school.clplChannel) throw new DomainError('clpl_channel_not_set', 'No CLPL channel has been chosen for this school.');

  const offer = buildOffer(input.draft, {
    id: input.offerId ?? deps.newId(),
    schoolId: school.id,
    author: input.author,
    now: deps.clock.now(),
    catalogue: deps.tagCatalogue,
  });
  const now = deps.clock.now();
  await deps.stores.offers.transaction(async (tx) => {
    await tx.insertOffer(offer);
    await tx.scheduleJob(sessionRemindersJob(offer, now, deps.reminderLeadMs), now);
    await tx.scheduleJob(feedbackRequestsJob(offer, now, deps.evidence.feedback.requestDelayMs), now);
  });
  await postNewOffer(deps, offer, school.clplChannel.id);
  return { offer, channelName: school.clplChannel.name };
}

/** Posts a just-saved offer to the CLPL channel and keeps the card's place, so later changes update it in place. */
export async function postNewOffer(deps: AppDependencies, offer: Offer, channelId: string): Promise<void> {
  const posted = await deps.board.post(channelId, { offer, seats: seatSummary(offer, []), signedUpIds: [], sharedCount: 0 });
  await deps.stores.offerCards.recordPosted(posted, offer.revision);
}

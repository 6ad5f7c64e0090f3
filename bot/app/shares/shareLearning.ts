import { DomainError } from '../../domain/errors';
import { decideShare, LearningShare, shareRefusal, ShareSource } from '../../domain/learningShare';
import { Offer } from '../../domain/offer';
import { Person } from '../../domain/person';
import { AppDependencies } from '../dependencies';

export interface ShareContext {
  offer: Offer;
  channelName: string;
}

/** Whether the person may share on this offer now (for opening the form); refused like a share. */
export async function shareForm(deps: AppDependencies, input: { offerId: string; personId: string }): Promise<ShareContext> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  const [attendance, existing] = await Promise.all([deps.stores.evidence.attendanceFor(offer.id), deps.stores.learningShares.find(offer.id, input.personId)]);
  const refusal = shareRefusal(offer, attendance, input.personId, deps.clock.now(), existing);
  if (refusal) throw refusal;
  return { offer, channelName: await channelNameOf(deps, offer) };
}

/**
 * Posts the person's summary under the offer's card in the CLPL channel. The share is stored first, then posted, then
 * marked with the reply's id; if the post fails it stays unposted and may be sent again. The offer card is redrawn
 * to count it.
 */
export async function shareLearning(
  deps: AppDependencies,
  input: { offerId: string; person: Person; summary: string; resources: readonly string[]; source: ShareSource },
): Promise<{ share: LearningShare; channelName: string }> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  const [attendance, existing, card] = await Promise.all([
    deps.stores.evidence.attendanceFor(offer.id),
    deps.stores.learningShares.find(offer.id, input.person.id),
    deps.stores.offerCards.findPosted(offer.id),
  ]);
  const share = decideShare({ offer, attendance, existing, person: input.person, summary: input.summary, resources: input.resources, source: input.source, now: deps.clock.now() });
  if (!card) throw new DomainError('offer_card_missing', "This session's card is not in a channel.");
  await deps.stores.learningShares.save(share);
  const activityId = await deps.board.replyUnder(card, share, offer.title);
  await deps.stores.learningShares.markPosted(offer.id, input.person.id, activityId);
  await deps.stores.offers.transaction((tx) => tx.raiseRevision(offer.id));
  deps.afterCommit.offerChanged(offer.id);
  return { share: { ...share, activityId }, channelName: await channelNameOf(deps, offer) };
}

async function channelNameOf(deps: AppDependencies, offer: Offer): Promise<string> {
  return (await deps.stores.schools.findSchool(offer.schoolId))?.clplChannel?.name ?? 'the CLPL channel';
}

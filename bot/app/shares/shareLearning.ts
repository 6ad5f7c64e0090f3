import { DomainError } from '../../domain/errors';
import { decideShare, LearningShare, shareRefusal, ShareSource } from '../../domain/learningShare';
import { Offer } from '../../domain/offer';
import { Person } from '../../domain/person';
import { PostedCard } from '../../ports/offerBoard';
import { AppDependencies } from '../dependencies';

/**
 * How long a click owns a share while posting it. Longer than a post can take inside a card action (Teams gives up on
 * the action after 10–15 s), so a second click never posts alongside a slow first one; a claim left by a crashed
 * instance lapses after it.
 */
export const sharePostLeaseMs = 2 * 60_000;

export interface ShareContext {
  offer: Offer;
  channelName: string;
  /** A share saved earlier that did not reach the channel, for the form to offer again. */
  unposted: { summary: string; resources: string[] } | null;
}

/** Whether the person may share on this offer now (for opening the form); refused like a share. */
export async function shareForm(deps: AppDependencies, input: { offerId: string; personId: string }): Promise<ShareContext> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  const [attendance, existing] = await Promise.all([deps.stores.evidence.attendanceFor(offer.id), deps.stores.learningShares.find(offer.id, input.personId)]);
  const refusal = shareRefusal(offer, attendance, input.personId, deps.clock.now(), existing);
  if (refusal) throw refusal;
  const unposted = existing && !existing.activityId ? { summary: existing.summary, resources: existing.resources } : null;
  return { offer, channelName: await channelNameOf(deps, offer, await shareCardFor(deps, offer, input.personId)), unposted };
}

/**
 * Posts the person's summary under the offer's card in the CLPL channel, once. The share is saved and claimed in one
 * atomic step before the post (a second click or instance is told it is under way, or already shared), then marked
 * with the reply's id. If the post fails the share stays saved, unposted and unclaimed, and the person is told it may
 * be sent again. The offer card is redrawn to count it.
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
    shareCardFor(deps, offer, input.person.id),
  ]);
  const share = decideShare({ offer, attendance, existing, person: input.person, summary: input.summary, resources: input.resources, source: input.source, now: deps.clock.now() });
  if (!card) throw new DomainError('offer_card_missing', "This session's card is not in a channel.");
  const claim = await deps.stores.learningShares.claimForPosting(share, deps.clock.now(), sharePostLeaseMs);
  if (claim.outcome === 'posted') throw new DomainError('already_shared', 'You have already shared your learning from this session.');
  if (claim.outcome === 'posting') throw new DomainError('share_in_progress', 'Your summary is being posted just now.');
  let activityId: string;
  try {
    activityId = await deps.board.replyUnder(card, share, offer.title);
  } catch (error) {
    // Should the release fail too, the claim lapses on its own.
    await deps.stores.learningShares.releaseClaim(offer.id, input.person.id, claim.until).catch(() => undefined);
    throw new DomainError('share_not_posted', 'Your summary is saved but could not be posted in the channel just now. Try again in a minute.', {}, error);
  }
  await deps.stores.learningShares.markPosted(offer.id, input.person.id, activityId);
  await deps.stores.offers.transaction((tx) => tx.raiseRevision(offer.id));
  deps.afterCommit.offerChanged(offer.id);
  return { share: { ...share, activityId }, channelName: await channelNameOf(deps, offer, card) };
}

/**
 * The card to share under. A group offer has a card in each member school's channel: an attendee shares under their
 * own school's (the school they signed up from), so their name and summary reach their colleagues, not another
 * school's staff; the facilitator, or a school with no card, under the offer's own school's card.
 */
async function shareCardFor(deps: AppDependencies, offer: Offer, personId: string): Promise<PostedCard | undefined> {
  if (offer.groupId !== undefined) {
    const [cards, signUps] = await Promise.all([deps.stores.offerCards.postedCards(offer.id), deps.stores.offers.signUpsForOffer(offer.id)]);
    const school = signUps.find((s) => s.person.id === personId)?.schoolId;
    const own = school === undefined ? undefined : cards.find((c) => c.schoolId === school);
    if (own) return own;
  }
  return deps.stores.offerCards.findPosted(offer.id);
}

async function channelNameOf(deps: AppDependencies, offer: Offer, card: PostedCard | undefined): Promise<string> {
  return (await deps.stores.schools.findSchool(card?.schoolId ?? offer.schoolId))?.clplChannel?.name ?? 'the CLPL channel';
}

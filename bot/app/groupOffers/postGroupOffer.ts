import { Offer } from '../../domain/offer';
import { NotPostedReason } from '../../ports/groupOfferNotices';
import { postNewOffer } from '../createOffer';
import { AppDependencies } from '../dependencies';
import { concurrently } from '../delivery/concurrently';
import { groupPostingJob, memberName, memberSchools } from './groupPosting';

/**
 * Posts in flight at once. Teams allows about 50 requests a second per tenant; with a real round trip of 100–200 ms,
 * one post at a time would manage 5–10. The rate budgets still pace every post (see teams/throttling.ts).
 */
const postsInFlight = 10;

/**
 * The posting job of a group offer: one card in each member school's CLPL channel, several in flight within Teams'
 * budgets, so the lead's form is answered at once however many schools there are (an invoke must not wait on 300
 * posts). A school that already has a card (an earlier run that stopped part-way, or a school back in the group) is not
 * posted to again. It runs again when a school joins the group (see postToNewMember). When done,
 * the author is told how many schools have it and which do not, and why; cards are redrawn if sign-ups came meanwhile.
 */
export async function postGroupOffer(deps: AppDependencies, offerId: string): Promise<void> {
  const offer = await deps.stores.offers.findOffer(offerId);
  if (!offer?.groupId || offer.status === 'cancelled') return;
  const group = await deps.stores.groups.findGroup(offer.groupId);
  if (!group) return;
  const { withChannel, withoutChannel } = await memberSchools(deps, group.id);
  const carded = new Set((await deps.stores.offerCards.postedCards(offer.id)).map((card) => card.conversationId));
  // A school that left the group and came back has its old card: it is redrawn again rather than posted twice.
  await deps.stores.offerCards.reinstate(offer.id, withChannel.map((m) => m.school.clplChannel.id).filter((id) => carded.has(id)));

  const toPost = withChannel.filter((m) => !carded.has(m.school.clplChannel.id));
  const outcomes = await concurrently(toPost, postsInFlight, async ({ school }) => {
    try {
      await postNewOffer(deps, offer, school.clplChannel.id, school.id);
      return null;
    } catch {
      // Retries of 429s and 5xx are behind us (withinBudget): the author is told which school has no card.
      return { name: school.name, reason: 'post_failed' as NotPostedReason };
    }
  });
  const failed = outcomes.filter((o): o is { name: string; reason: NotPostedReason } => o !== null);
  const notPosted = [...withoutChannel.map((m) => ({ name: memberName(m), reason: 'no_clpl_channel' as NotPostedReason })), ...failed];
  const postedCount = withChannel.length - failed.length;

  const now = deps.clock.now();
  await deps.stores.offers.transaction((tx) =>
    tx.enqueueNotice(
      {
        idempotencyKey: `group_offer_posted:${offer.id}`,
        schoolId: offer.schoolId,
        recipientId: offer.createdBy.id,
        notice: { kind: 'group_offer_posted', offerId: offer.id, offerTitle: offer.title, groupName: group.name, postedCount, notPosted },
      },
      now,
    ),
  );
  deps.afterCommit.noticesQueued();
  // Cards were drawn as the offer was when the job began: any sign-up since makes them stale, so redraw.
  deps.afterCommit.offerChanged(offer.id);
}

/**
 * A school has joined a group (by a lead's command): the open offers of that group, and of the groups containing it,
 * are posted to the school's channel by their posting jobs, scheduled again (a job runs once per scheduling).
 */
export async function postToNewMember(deps: AppDependencies, schoolId: string): Promise<number> {
  const groups = await deps.stores.groups.groupsOfSchool(schoolId);
  return schedulePosting(deps, await deps.stores.offers.openGroupOffers(groups.map((g) => g.id), deps.clock.now()));
}

/**
 * A changed groups file was applied at start-up: any group may have gained schools, so every open group offer's
 * posting job runs again (for offers whose schools all have their card, it posts nothing).
 */
export async function postAfterGroupsFileChanged(deps: AppDependencies): Promise<number> {
  const groupIds = (await deps.stores.groups.definitions()).map((g) => g.id);
  return schedulePosting(deps, await deps.stores.offers.openGroupOffers(groupIds, deps.clock.now()));
}

async function schedulePosting(deps: AppDependencies, offers: readonly Offer[]): Promise<number> {
  if (offers.length === 0) return 0;
  const now = deps.clock.now();
  await deps.stores.offers.transaction(async (tx) => {
    for (const offer of offers) await tx.scheduleJob(groupPostingJob(offer, now), now);
  });
  deps.afterCommit.jobsDue();
  return offers.length;
}

import { DomainError } from '../domain/errors';
import { sharingHasOpened } from '../domain/learningShare';
import { Offer } from '../domain/offer';
import { Person } from '../domain/person';
import { decideSignUp, SeatSummary, seatSummary, SignUp, Standing, standingOf } from '../domain/signUp';
import { AppDependencies } from './dependencies';
import { CalendarLinks, calendarLinksAfterCommit } from './calendar/calendarFeed';
import { requestApprovals } from './approval/requestApprovals';

/** An offer as one person sees it: the seats and their own standing. */
export interface OfferStandingView {
  offer: Offer;
  seats: SeatSummary;
  standing: Standing;
}

/** The offer card as one person sees it: their standing, and the same share count as the channel's card. */
export interface PersonalOfferView extends OfferStandingView {
  sharedCount: number;
  /** A confirmed person's calendar links when the use case already has them; otherwise the card looks them up. */
  calendarLinks?: CalendarLinks | null;
}

/**
 * Adds what the channel's card shows beyond seats, so a person's own view never shows less. Sign-ups and withdrawals
 * happen before the session starts, when nothing can have been shared yet, so that busy path reads nothing more.
 */
export async function personalView(deps: AppDependencies, view: OfferStandingView): Promise<PersonalOfferView> {
  const sharedCount = sharingHasOpened(view.offer, deps.clock.now()) ? await deps.stores.learningShares.postedCount(view.offer.id) : 0;
  return { ...view, sharedCount };
}

/**
 * What happens when someone presses "Sign up" (on any school's card of a group offer: all draw on one pool): in one
 * transaction that starts with a fresh, locked read of the offer and a picture of its seats (counts and the person's own place), the domain decides (confirmed, waitlisted,
 * unchanged or refused) and the result is written. After commit the channel card is refreshed in the background; the
 * person gets their own view straight back.
 *
 * A group offer takes a new sign-up only from a school in its group (a card left in the channel of a school that has
 * left, or the verb pressed from elsewhere, is refused). The group store cannot be read inside the offer's
 * transaction (on SQLite it shares the one connection), so the first transaction writes nothing when it meets a group
 * offer it has not checked: the school is checked outside it, then the sign-up runs again. A school's own offer, the
 * busy path, pays nothing for this.
 */
export async function signUp(deps: AppDependencies, input: { offerId: string; person: Person; schoolId?: string }): Promise<PersonalOfferView> {
  let checkedGroup: string | undefined;
  // An offer's group never changes: once seen, its school is checked first and the offer is locked once, not twice.
  const knownGroup = groupOfOffer.get(input.offerId);
  if (knownGroup !== undefined && (await schoolInGroup(deps, knownGroup, input.schoolId))) checkedGroup = knownGroup;
  for (;;) {
    const result = await deps.stores.offers.transaction(async (tx): Promise<{ groupToCheck: string } | { view: OfferStandingView; changed: boolean; asked: number; links: { answer: Promise<CalendarLinks | null> } | null }> => {
      // The school rides in the same read (no extra round trip): it counts its places for a group offer's quota.
      const locked = await tx.lockSeatPicture(input.offerId, input.person.id, input.schoolId);
      if (!locked) throw new DomainError('offer_not_found', 'That session no longer exists.');
      const { offer, picture } = locked;
      const holdsPlace = picture.own !== null && picture.own.status !== 'withdrawn';
      if (offer.groupId !== undefined && offer.groupId !== checkedGroup && !holdsPlace) {
        rememberGroup(offer.id, offer.groupId);
        return { groupToCheck: offer.groupId };
      }
      const decision = decideSignUp(offer, picture, input.person, deps.clock.now(), input.schoolId);
      const changed = decision.changes.length > 0;
      if (changed) await tx.saveSignUpsRaisingRevision(offer.id, decision.changes);
      // A seat held for the school's approval: the person and their approvers are told, and the hold's end is scheduled.
      const asked = changed ? await requestApprovals(deps, tx, offer, decision.changes, deps.clock.now()) : 0;
      // A newly confirmed person's card links to their calendar; a token made now is stored with this sign-up.
      const links = changed && decision.standing.kind === 'confirmed' ? await calendarLinksAfterCommit(deps, tx, input.person.id) : null;
      const view: OfferStandingView = { offer, seats: decision.seats, standing: decision.standing };
      return { view, changed, asked, links };
    }, { offerId: input.offerId });
    if ('groupToCheck' in result) {
      await assertSchoolInGroup(deps, result.groupToCheck, input.schoolId);
      checkedGroup = result.groupToCheck;
      continue;
    }
    if (result.changed) deps.afterCommit.offerChanged(input.offerId);
    if (result.asked > 0) deps.afterCommit.noticesQueued();
    const view = await personalView(deps, result.view);
    return result.links ? { ...view, calendarLinks: await result.links.answer } : view;
  }
}

async function assertSchoolInGroup(deps: AppDependencies, groupId: string, schoolId: string | undefined): Promise<void> {
  if (await schoolInGroup(deps, groupId, schoolId)) return;
  throw new DomainError('school_not_in_group', 'This session is offered to a group of schools your school is not part of.');
}

async function schoolInGroup(deps: AppDependencies, groupId: string, schoolId: string | undefined): Promise<boolean> {
  return schoolId !== undefined && (await deps.stores.groups.schoolsIn(groupId)).includes(schoolId);
}

/**
 * Group offers seen in this process, by offer id. Only a hint: the check inside the transaction still stands (a wrong
 * or missing entry costs a second transaction, never a seat), so it is bounded and shared by every store.
 */
const groupOfOffer = new Map<string, string>();

function rememberGroup(offerId: string, groupId: string): void {
  if (groupOfOffer.size >= 10_000) groupOfOffer.clear();
  groupOfOffer.set(offerId, groupId);
}

export async function viewOffer(deps: AppDependencies, input: { offerId: string; personId: string }): Promise<PersonalOfferView> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  const signUps = await deps.stores.offers.signUpsForOffer(offer.id);
  return personalView(deps, viewFor(offer, signUps, input.personId, false).view);
}

export function applyChanges(signUps: readonly SignUp[], changes: readonly SignUp[]): SignUp[] {
  const changed = new Map(changes.map((c) => [c.person.id, c]));
  const kept = signUps.map((s) => changed.get(s.person.id) ?? s);
  const added = changes.filter((c) => !signUps.some((s) => s.person.id === c.person.id));
  return [...kept, ...added];
}

export function viewFor(offer: Offer, signUps: readonly SignUp[], personId: string, changed: boolean) {
  const view: OfferStandingView = {
    offer,
    seats: seatSummary(offer, signUps),
    standing: standingOf(personId, signUps),
  };
  return { view, changed };
}

export function activeSignUpIds(signUps: readonly SignUp[]): string[] {
  return signUps.filter((s) => s.status !== 'withdrawn').map((s) => s.person.id);
}

import { DomainError, FieldErrors } from './errors';
import { Offer, OfferDraft, offerDraftProblems } from './offer';
import { promotionsToFill, quotaInForce, seatHoldersOf, SignUp } from './signUp';
import { TagCatalogue } from './tags';

/** Instants are ISO strings so that a change can travel inside a notice (stored as JSON) unchanged. */
export interface TimeRange {
  startsAt: string;
  endsAt: string;
}

export type OfferChange =
  | { field: 'title' | 'description' | 'facilitator' | 'location' | 'onlineLink'; before: string | null; after: string | null }
  | { field: 'time'; before: TimeRange; after: TimeRange }
  | { field: 'capacity'; before: number; after: number }
  | { field: 'signUpsCloseAt'; before: string; after: string }
  | { field: 'tags'; before: string[]; after: string[] }
  /** Weeks until the practice follow-up; null is the deployment's default. */
  | { field: 'followUpWeeks'; before: number | null; after: number | null }
  /** A group offer's places per school (null: none) and when unused ones return to the pool (null: never). */
  | { field: 'quotaPerSchool'; before: number | null; after: number | null }
  | { field: 'quotaReleasesAt'; before: string | null; after: string | null };

/** Changes that matter to someone who plans to attend; a new capacity or closing time does not. */
const fieldsWorthTelling: ReadonlySet<OfferChange['field']> = new Set(['title', 'description', 'facilitator', 'location', 'onlineLink', 'time']);

export type EditDecision =
  | { kind: 'unchanged' }
  /** The new capacity would move confirmed people back to the waitlist: the author must agree to that first. */
  | { kind: 'needs_confirmation'; demoted: SignUp[] }
  | {
      kind: 'apply';
      offer: Offer;
      changes: OfferChange[];
      /** Confirmed people who should hear about the changes (not those moved back, who get their own notice). */
      toTell: SignUp[];
      demoted: SignUp[];
      promoted: SignUp[];
      signUpChanges: SignUp[];
    };

export interface CancelDecision {
  offer: Offer;
  /** Everyone confirmed, awaiting approval or waitlisted: each is told. */
  toTell: SignUp[];
  /** Starts within a day: the notice cannot wait for quiet hours to end. */
  urgent: boolean;
}

const urgentWithinMs = 24 * 60 * 60 * 1000;

export function describeChanges(before: Offer, after: Offer): OfferChange[] {
  const changes: OfferChange[] = [];
  const text = (field: 'title' | 'description' | 'location' | 'onlineLink', a: string | null, b: string | null) => {
    if (a !== b) changes.push({ field, before: a, after: b });
  };
  text('title', before.title, after.title);
  text('description', before.description, after.description);
  if (before.facilitator.name !== after.facilitator.name) changes.push({ field: 'facilitator', before: before.facilitator.name, after: after.facilitator.name });
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) {
    changes.push({ field: 'time', before: rangeOf(before), after: rangeOf(after) });
  }
  text('location', before.location, after.location);
  text('onlineLink', before.onlineLink, after.onlineLink);
  if (before.capacity !== after.capacity) changes.push({ field: 'capacity', before: before.capacity, after: after.capacity });
  if (before.signUpsCloseAt.getTime() !== after.signUpsCloseAt.getTime()) {
    changes.push({ field: 'signUpsCloseAt', before: before.signUpsCloseAt.toISOString(), after: after.signUpsCloseAt.toISOString() });
  }
  const tagsBefore = [...before.tags.standards, ...before.tags.priorities];
  const tagsAfter = [...after.tags.standards, ...after.tags.priorities];
  if (tagsBefore.join('\n') !== tagsAfter.join('\n')) changes.push({ field: 'tags', before: tagsBefore, after: tagsAfter });
  if ((before.followUpWeeks ?? null) !== (after.followUpWeeks ?? null)) {
    changes.push({ field: 'followUpWeeks', before: before.followUpWeeks ?? null, after: after.followUpWeeks ?? null });
  }
  if ((before.quotaPerSchool ?? null) !== (after.quotaPerSchool ?? null)) {
    changes.push({ field: 'quotaPerSchool', before: before.quotaPerSchool ?? null, after: after.quotaPerSchool ?? null });
  }
  const releaseOf = (offer: Offer) => offer.quotaReleasesAt?.toISOString() ?? null;
  if (releaseOf(before) !== releaseOf(after)) changes.push({ field: 'quotaReleasesAt', before: releaseOf(before), after: releaseOf(after) });
  return changes;
}

export function worthTelling(changes: readonly OfferChange[]): OfferChange[] {
  return changes.filter((c) => fieldsWorthTelling.has(c.field));
}

/** Why an offer can no longer be edited or cancelled, or null when it can. */
export function changeRefusal(offer: Offer, now: Date): DomainError | null {
  if (offer.status === 'cancelled' || now.getTime() >= offer.startsAt.getTime()) {
    return new DomainError('offer_closed_for_changes', 'This session has been cancelled or has started.');
  }
  return null;
}

/**
 * The draft rules, except that a closing time already passed may stay as it was (editing the room of a session whose
 * sign-ups have closed must not force reopening them).
 */
export function offerEditProblems(before: Offer, draft: OfferDraft, now: Date, catalogue: TagCatalogue): FieldErrors {
  const problems = offerDraftProblems(draft, now, catalogue);
  const closingKept = draft.signUpsCloseAt.getTime() === before.signUpsCloseAt.getTime();
  if (closingKept && problems.closesDate && draft.signUpsCloseAt.getTime() <= draft.startsAt.getTime()) delete problems.closesDate;
  return problems;
}

/**
 * An SLT member saves new details for an offer. Lowering capacity below the confirmed count moves the latest
 * confirmations (by queue number) back to the front of the waitlist, keeping their queue numbers, but only once the
 * author has agreed to move at least that many; raising it fills the new seats from the waitlist in order.
 */
export function decideOfferEdit(
  offer: Offer,
  signUps: readonly SignUp[],
  draft: OfferDraft,
  context: { now: Date; catalogue: TagCatalogue; acceptedDemotions: number },
): EditDecision {
  const refusal = changeRefusal(offer, context.now);
  if (refusal) throw refusal;
  const problems = offerEditProblems(offer, draft, context.now, context.catalogue);
  if (Object.keys(problems).length > 0) throw new DomainError('invalid_offer', 'The offer is not valid.', problems);

  if (draft.quotaPerSchool !== undefined && offer.groupId === undefined) {
    throw new DomainError('invalid_offer', 'The offer is not valid.', { quotaPerSchool: 'A limit per school is only for offers to a group of schools.' });
  }
  // A draft without a quota removes it (the form always sends the offer's whole state).
  const { quotaPerSchool: _q, quotaReleasesAt: _r, ...kept } = offer;
  const { needsApproval: _a, ...draftKept } = draft;
  // Whether places need the school's approval is set when the offer is made: an edit keeps it.
  const edited: Offer = {
    ...kept,
    ...draftKept,
    title: draft.title.trim(),
    description: draft.description.trim(),
    timeZone: offer.timeZone,
    ...(offer.needsApproval ? { needsApproval: true } : {}),
  };
  const changes = describeChanges(offer, edited);
  if (changes.length === 0) return { kind: 'unchanged' };

  // A seat held for approval is a seat: it is moved back like a confirmed one, and its holder hears of changes.
  const confirmed = seatHoldersOf(signUps);
  const demoted = demotionsOnEdit(edited, confirmed, context.now).map((s) => ({ ...s, status: 'waitlisted' as const, updatedAt: context.now }));
  if (demoted.length > context.acceptedDemotions) return { kind: 'needs_confirmation', demoted };

  const afterDemotion = signUps.map((s) => demoted.find((d) => d.person.id === s.person.id) ?? s);
  // Seats a school gave back under a lower quota go to the next people waiting from other schools.
  const promoted = promotionsToFill(edited, afterDemotion, context.now);
  const demotedIds = new Set(demoted.map((d) => d.person.id));
  const tellable = worthTelling(changes).length > 0;
  return {
    kind: 'apply',
    offer: edited,
    changes,
    toTell: tellable ? confirmed.filter((s) => !demotedIds.has(s.person.id)) : [],
    demoted,
    promoted,
    signUpChanges: [...demoted, ...promoted],
  };
}

/**
 * Who loses a confirmed place to an edit: the latest confirmations beyond a lower capacity, then (while a quota holds)
 * each school's latest beyond a lower limit per school, so that no school holds more than the new limit allows.
 */
function demotionsOnEdit(edited: Offer, confirmed: readonly SignUp[], now: Date): SignUp[] {
  const overCapacity = confirmed.slice(edited.capacity);
  const kept = confirmed.slice(0, edited.capacity);
  if (!quotaInForce(edited, now)) return overCapacity;
  const held = new Map<string, number>();
  const overQuota: SignUp[] = [];
  for (const s of kept) {
    const school = s.schoolId ?? '';
    const n = (held.get(school) ?? 0) + 1;
    held.set(school, n);
    if (n > edited.quotaPerSchool!) overQuota.push(s);
  }
  return [...overCapacity, ...overQuota].sort((a, b) => a.queueNumber - b.queueNumber);
}

export function decideCancellation(offer: Offer, signUps: readonly SignUp[], now: Date): CancelDecision {
  const refusal = changeRefusal(offer, now);
  if (refusal) throw refusal;
  return {
    offer: { ...offer, status: 'cancelled' },
    toTell: signUps.filter((s) => s.status !== 'withdrawn'),
    urgent: offer.startsAt.getTime() - now.getTime() <= urgentWithinMs,
  };
}

function rangeOf(offer: Pick<Offer, 'startsAt' | 'endsAt'>): TimeRange {
  return { startsAt: offer.startsAt.toISOString(), endsAt: offer.endsAt.toISOString() };
}

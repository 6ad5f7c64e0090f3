import { DomainError, FieldErrors } from './errors';
import { Person } from './person';
import { TagCatalogue } from './tags';

export type OfferStatus = 'open' | 'closed' | 'cancelled';

export type Facilitator = { kind: 'staff'; userId: string; name: string } | { kind: 'external'; name: string };

export interface OfferTags {
  standards: string[];
  priorities: string[];
}

/** What an SLT member asks for when creating an offer; already parsed into typed values at the edge. */
export interface OfferDraft {
  title: string;
  description: string;
  facilitator: Facilitator;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string | null;
  onlineLink: string | null;
  capacity: number;
  signUpsCloseAt: Date;
  tags: OfferTags;
  /** Weeks after the session when attendees are asked what changed in their practice; absent: the deployment's default. */
  followUpWeeks?: number;
  /** Group offers only: at most this many confirmed places per school while the quota holds. */
  quotaPerSchool?: number;
  /** When unused quota returns to the shared pool (the waitlist then moves up in queue order); absent: never. */
  quotaReleasesAt?: Date;
  /**
   * A session in the school day (supply cover): a seat is only held until the person's school approves it (see
   * approval.ts). Set when the offer is created; an edit keeps it.
   */
  needsApproval?: boolean;
}

export interface Offer extends OfferDraft {
  id: string;
  /** The school it was created from (the author's); a group offer belongs to its group's schools as well. */
  schoolId: string;
  /** Offered to every school of this group (cluster, authority, collaborative), one card in each school's channel. */
  groupId?: string;
  status: OfferStatus;
  createdBy: Person;
  createdAt: Date;
  /** Raised on every change that alters what the offer card shows; card refreshes compare against it. */
  revision: number;
}

/** The rules a draft must keep, beyond its shape, as field → message; empty when the draft is acceptable. */
export function offerDraftProblems(draft: OfferDraft, now: Date, catalogue: TagCatalogue): FieldErrors {
  const problems: FieldErrors = {};
  if (draft.title.trim() === '') problems.title = 'Give the session a title.';
  if (!Number.isInteger(draft.capacity) || draft.capacity < 1) problems.capacity = 'Capacity must be a whole number of at least 1.';
  if (draft.followUpWeeks !== undefined && (!Number.isInteger(draft.followUpWeeks) || draft.followUpWeeks < 0 || draft.followUpWeeks > 26)) {
    problems.followUpWeeks = 'Follow up after a whole number of weeks from 0 (no follow-up) to 26.';
  }
  Object.assign(problems, quotaProblems(draft));
  if (draft.endsAt.getTime() <= draft.startsAt.getTime()) problems.endTime = 'The session must end after it starts.';
  if (draft.startsAt.getTime() <= now.getTime()) problems.startDate = 'The session must start in the future.';
  if (draft.signUpsCloseAt.getTime() > draft.startsAt.getTime()) problems.closesDate = 'Sign-ups must close no later than the start of the session.';
  else if (draft.signUpsCloseAt.getTime() <= now.getTime()) problems.closesDate = 'Sign-ups must close in the future.';
  if (draft.location === null && draft.onlineLink === null) problems.location = 'Say where the session is, or give an online link.';
  const unknownStandards = draft.tags.standards.filter((tag) => !catalogue.standards.includes(tag));
  if (unknownStandards.length > 0) problems.standards = `Unknown standard area: ${unknownStandards.join(', ')}.`;
  const unknownPriorities = draft.tags.priorities.filter((tag) => !catalogue.priorities.includes(tag));
  if (unknownPriorities.length > 0) problems.priorities = `Unknown improvement priority: ${unknownPriorities.join(', ')}.`;
  return problems;
}

function quotaProblems(draft: OfferDraft): FieldErrors {
  if (draft.quotaPerSchool === undefined) {
    return draft.quotaReleasesAt === undefined ? {} : { quotaReleasesAt: 'A release date needs a limit per school.' };
  }
  if (!Number.isInteger(draft.quotaPerSchool) || draft.quotaPerSchool < 1 || draft.quotaPerSchool > draft.capacity) {
    return { quotaPerSchool: 'The limit per school must be a whole number from 1 to the capacity.' };
  }
  if (draft.quotaReleasesAt && draft.quotaReleasesAt.getTime() >= draft.startsAt.getTime()) {
    return { quotaReleasesAt: 'Unused places must be released before the session starts.' };
  }
  return {};
}

export function createOffer(
  draft: OfferDraft,
  context: { id: string; schoolId: string; author: Person; now: Date; catalogue: TagCatalogue; groupId?: string },
): Offer {
  const problems = offerDraftProblems(draft, context.now, context.catalogue);
  if (draft.quotaPerSchool !== undefined && context.groupId === undefined) {
    problems.quotaPerSchool = 'A limit per school is only for offers to a group of schools.';
  }
  if (Object.keys(problems).length > 0) throw new DomainError('invalid_offer', 'The offer is not valid.', problems);
  return {
    ...draft,
    title: draft.title.trim(),
    description: draft.description.trim(),
    id: context.id,
    schoolId: context.schoolId,
    ...(context.groupId === undefined ? {} : { groupId: context.groupId }),
    status: 'open',
    createdBy: context.author,
    createdAt: context.now,
    revision: 1,
  };
}

/** Why a new sign-up is refused right now, or null when sign-ups are accepted. */
export function signUpRefusal(offer: Offer, now: Date): DomainError | null {
  if (offer.status === 'cancelled') return new DomainError('offer_cancelled', 'This session has been cancelled.');
  if (offer.status === 'closed' || now.getTime() >= offer.signUpsCloseAt.getTime()) {
    return new DomainError('signups_closed', 'Sign-ups for this session have closed.');
  }
  return null;
}

/** Withdrawing stays possible after sign-ups close (a seat freed late still helps someone), until the session starts. */
export function withdrawalRefusal(offer: Offer, now: Date): DomainError | null {
  if (now.getTime() >= offer.startsAt.getTime()) return new DomainError('session_started', 'This session has already started.');
  return null;
}

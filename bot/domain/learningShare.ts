import { AttendanceRecord, isFacilitatorOf } from './attendance';
import { DomainError, FieldErrors } from './errors';
import { Offer } from './offer';
import { Person } from './person';

/**
 * Sharing learning back: after a session, an attendee (or its facilitator) posts a short summary and resources as a
 * reply under the offer's card in the CLPL channel, with their name. Opt-in, one share per person per session.
 */
export const shareSources = ['feedback', 'follow_up', 'facilitator'] as const;
export type ShareSource = (typeof shareSources)[number];

export const maxShareSummaryLength = 600;
export const maxShareResources = 3;

export interface LearningShare {
  offerId: string;
  person: Person;
  summary: string;
  /** https:// links to slides, resources, pupil work. */
  resources: string[];
  source: ShareSource;
  sharedAt: Date;
  /** The reply's id in the channel once posted; null while it has not reached the channel. */
  activityId: string | null;
}

/**
 * Whether anyone can have shared on the offer yet: only once it has ended (and an offer cannot be changed after it
 * starts, so its end does not move back). Before then its share count is 0 without asking the store.
 */
export function sharingHasOpened(offer: Pick<Offer, 'status' | 'endsAt'>, now: Date): boolean {
  return offer.status !== 'cancelled' && now.getTime() >= offer.endsAt.getTime();
}

/** Why this person cannot share on this offer now, or null when they can: attendees and the facilitator, after it ends. */
export function shareRefusal(offer: Offer, attendance: readonly AttendanceRecord[], personId: string, now: Date, existing: LearningShare | undefined): DomainError | null {
  const attended = attendance.some((r) => r.person.id === personId && r.attended);
  if (!attended && !isFacilitatorOf(offer, personId)) return new DomainError('share_not_allowed', 'Only people who attended a session, or its facilitator, can share learning from it.');
  if (!sharingHasOpened(offer, now)) return new DomainError('share_not_allowed', 'Learning can be shared once the session has ended.');
  if (existing?.activityId) return new DomainError('already_shared', 'You have already shared your learning from this session.');
  return null;
}

/** Resources arrive one per line; each must be a https:// link. */
export function resourcesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function shareProblems(summary: string, resources: readonly string[]): FieldErrors {
  const problems: FieldErrors = {};
  const trimmed = summary.trim();
  if (trimmed === '') problems.summary = 'Write a short summary of what you learnt.';
  else if (trimmed.length > maxShareSummaryLength) problems.summary = `Keep the summary to ${maxShareSummaryLength} characters.`;
  if (resources.length > maxShareResources) problems.resources = `Share at most ${maxShareResources} links.`;
  else if (resources.some((r) => !isHttpsUrl(r))) problems.resources = 'Each resource must be a https:// link, one per line.';
  return problems;
}

export function decideShare(input: {
  offer: Offer;
  attendance: readonly AttendanceRecord[];
  existing: LearningShare | undefined;
  person: Person;
  summary: string;
  resources: readonly string[];
  source: ShareSource;
  now: Date;
}): LearningShare {
  const refusal = shareRefusal(input.offer, input.attendance, input.person.id, input.now, input.existing);
  if (refusal) throw refusal;
  const problems = shareProblems(input.summary, input.resources);
  if (Object.keys(problems).length > 0) throw new DomainError('invalid_share', 'Some of the share needs another look.', problems);
  const source = isFacilitatorOf(input.offer, input.person.id) && !input.attendance.some((r) => r.person.id === input.person.id && r.attended) ? 'facilitator' : input.source;
  return { offerId: input.offer.id, person: input.person, summary: input.summary.trim(), resources: [...input.resources], source, sharedAt: input.now, activityId: null };
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

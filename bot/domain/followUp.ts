import { AttendanceRecord } from './attendance';
import { DomainError, FieldErrors } from './errors';
import { Goal, isOpenGoal, sortGoals } from './goals';
import { Offer } from './offer';
import { Person } from './person';
import { schoolDayOnOrAfter, Term } from './terms';

/**
 * The practice follow-up: some weeks after a session each attendee is asked whether they used it, what changed in
 * their practice, what effect they saw on pupils, and how confident they feel now, on the same 1–5 scale as the
 * feedback, so confidence can be followed across three points (before, after, weeks later). Pure rules, no I/O.
 */

/** "Did you use it?": part of my practice now, tried it, not yet. */
export const practiceUses = ['yes', 'partly', 'no'] as const;
export type PracticeUse = (typeof practiceUses)[number];

export const maxFollowUpTextLength = 1000;
export const maxEvidenceLength = 1000;
export const maxGoalIdLengthForFollowUp = 200;
/** The most weeks an offer may wait before the follow-up (a school year has about 39). */
export const maxFollowUpWeeks = 26;

export interface FollowUpAnswers {
  used: PracticeUse;
  /** What changed in their practice (or what got in the way). */
  practiceChange: string;
  /** What effect they saw on pupils; may be empty. */
  pupilEffect: string;
  /** A https:// link to evidence, or a short note saying where it is; may be empty. */
  evidence: string;
  confidenceNow: number;
  relatedGoalId: string | null;
  anonymous: boolean;
}

export interface FollowUpResponse extends FollowUpAnswers {
  offerId: string;
  person: Person;
  submittedAt: Date;
  updatedAt: Date;
}

export interface FollowUpTiming {
  /** Weeks after the session when the offer does not say (CLPL_FOLLOW_UP_WEEKS); 0 turns follow-ups off. */
  defaultWeeks: number;
  /** How long after it opens an answer may be given or changed. */
  openForMs: number;
  /** How long after the request the one reminder goes to those who have not answered. */
  reminderAfterMs: number;
}

/** When the follow-up opens and closes for an offer, or null when the offer has none (0 weeks). */
export interface FollowUpWindow {
  weeks: number;
  opensAt: Date;
  closesAt: Date;
}

const WEEK = 7 * 86_400_000;

export function followUpWeeksOf(offer: Pick<Offer, 'followUpWeeks'>, timing: FollowUpTiming): number {
  return offer.followUpWeeks ?? timing.defaultWeeks;
}

/**
 * The follow-up opens the chosen number of weeks after the session ends, or on the first day of the next term when that
 * falls in a school holiday (nobody is teaching, so nothing could have changed that week); quiet hours and weekends
 * then hold the message itself until morning. It stays open for the configured time after opening.
 */
export function followUpWindow(offer: Pick<Offer, 'endsAt' | 'followUpWeeks'>, timing: FollowUpTiming, school: { terms: readonly Term[]; timeZone: string }): FollowUpWindow | null {
  const weeks = followUpWeeksOf(offer, timing);
  if (weeks <= 0) return null;
  const opensAt = schoolDayOnOrAfter(new Date(offer.endsAt.getTime() + weeks * WEEK), school.terms, school.timeZone);
  return { weeks, opensAt, closesAt: new Date(opensAt.getTime() + timing.openForMs) };
}

/** Why this person cannot answer (or change) the follow-up now, or null when they can. */
export function followUpRefusal(offer: Offer, attendance: readonly AttendanceRecord[], personId: string, now: Date, window: FollowUpWindow | null): DomainError | null {
  if (!attendance.some((r) => r.person.id === personId && r.attended)) {
    return new DomainError('follow_up_not_attendee', 'Only people marked as attending this session are asked how it changed their practice.');
  }
  if (offer.status === 'cancelled' || window === null) return new DomainError('follow_up_not_open', 'This session has no practice follow-up.');
  if (now.getTime() < window.opensAt.getTime()) return new DomainError('follow_up_not_open', 'The practice follow-up for this session is not open yet.');
  if (now.getTime() >= window.closesAt.getTime()) return new DomainError('follow_up_closed', 'The practice follow-up for this session has closed.');
  return null;
}

/** The person's open goals, and the one chosen before even if achieved since (as for feedback). */
export function followUpGoalChoices(goals: readonly Goal[], previousGoalId: string | null): Goal[] {
  return sortGoals(goals.filter((g) => isOpenGoal(g) || g.id === previousGoalId));
}

export function isEvidenceLink(evidence: string): boolean {
  return /^https?:\/\//i.test(evidence.trim());
}

/** The rules beyond the answers' shape, as field → message; empty when acceptable. The goal must be the person's own. */
export function followUpProblems(answers: FollowUpAnswers, goalChoices: readonly Pick<Goal, 'id'>[]): FieldErrors {
  const problems: FieldErrors = {};
  if (!practiceUses.includes(answers.used)) problems.used = 'Say whether you have used it.';
  if (!Number.isInteger(answers.confidenceNow) || answers.confidenceNow < 1 || answers.confidenceNow > 5) problems.confidenceNow = 'Rate your confidence now, from 1 to 5.';
  const practiceChange = answers.practiceChange.trim();
  if (practiceChange === '') problems.practiceChange = 'Say what changed in your practice, or what got in the way.';
  else if (practiceChange.length > maxFollowUpTextLength) problems.practiceChange = `Keep this to ${maxFollowUpTextLength} characters.`;
  if (answers.pupilEffect.trim().length > maxFollowUpTextLength) problems.pupilEffect = `Keep this to ${maxFollowUpTextLength} characters.`;
  const evidence = answers.evidence.trim();
  if (evidence.length > maxEvidenceLength) problems.evidence = `Keep this to ${maxEvidenceLength} characters.`;
  else if (isEvidenceLink(evidence) && !isHttpsUrl(evidence)) problems.evidence = 'Evidence links must be https:// addresses (or write a note instead).';
  const goalId = answers.relatedGoalId?.trim() || null;
  if (goalId !== null && !goalChoices.some((g) => g.id === goalId)) problems.relatedGoal = 'Choose one of your own CLPL goals from the list, or leave it blank.';
  return problems;
}

/**
 * A person's one follow-up answer for a session: the first creates it, a later one replaces the answers and keeps when
 * it was first given. Refused (nothing changes) when they did not attend, it is not open, or an answer is not valid.
 */
export function decideFollowUp(input: {
  offer: Offer;
  attendance: readonly AttendanceRecord[];
  existing: FollowUpResponse | undefined;
  person: Person;
  answers: FollowUpAnswers;
  goalChoices: readonly Pick<Goal, 'id'>[];
  now: Date;
  window: FollowUpWindow | null;
}): FollowUpResponse {
  const refusal = followUpRefusal(input.offer, input.attendance, input.person.id, input.now, input.window);
  if (refusal) throw refusal;
  const problems = followUpProblems(input.answers, input.goalChoices);
  if (Object.keys(problems).length > 0) throw new DomainError('invalid_follow_up', 'Some answers need another look.', problems);
  return {
    ...input.answers,
    practiceChange: input.answers.practiceChange.trim(),
    pupilEffect: input.answers.pupilEffect.trim(),
    evidence: input.answers.evidence.trim(),
    relatedGoalId: input.answers.relatedGoalId?.trim() || null,
    offerId: input.offer.id,
    person: input.person,
    submittedAt: input.existing?.submittedAt ?? input.now,
    updatedAt: input.now,
  };
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

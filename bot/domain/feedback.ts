import { AttendanceRecord } from './attendance';
import { DomainError, FieldErrors } from './errors';
import { Goal, isOpenGoal, sortGoals } from './goals';
import { Offer } from './offer';
import { Person } from './person';

/** The three scales schools report change on ("knowledge, understanding and confidence"), each rated before and after. */
export const feedbackScales = ['knowledge', 'understanding', 'confidence'] as const;
export type FeedbackScale = (typeof feedbackScales)[number];

export type ScaleRatings = Record<FeedbackScale, number>;

export const maxPracticeChangeLength = 1000;
export const maxGoalIdLength = 200;

/** What a person answers; ratings are whole numbers 1–5. */
export interface FeedbackAnswers {
  value: number;
  before: ScaleRatings;
  after: ScaleRatings;
  /** "What will you do differently in your practice?" */
  practiceChange: string;
  /** The id of one of their own CLPL goals it relates to; optional. */
  relatedGoalId: string | null;
  anonymous: boolean;
}

export interface FeedbackResponse extends FeedbackAnswers {
  offerId: string;
  person: Person;
  /** What was typed when the goal was free text, before goals were chosen from a list: kept readable, never written. */
  legacyRelatedGoal: string | null;
  submittedAt: Date;
  updatedAt: Date;
}

/**
 * The goals the form offers: the person's own goals they are working on, and the one they chose before even if it has
 * since been achieved, so changing other answers does not drop it. `goals` must be the person's own.
 */
export function feedbackGoalChoices(goals: readonly Goal[], previousGoalId: string | null): Goal[] {
  return sortGoals(goals.filter((g) => isOpenGoal(g) || g.id === previousGoalId));
}

export interface FeedbackTiming {
  /** How long after the end of a session attendees are asked. */
  requestDelayMs: number;
  /** How long after the end of a session answers may still be given or changed. */
  openForMs: number;
  /** How long after the request one reminder goes to those who have not answered. */
  reminderAfterMs: number;
}

export function feedbackClosesAt(offer: Pick<Offer, 'endsAt'>, timing: FeedbackTiming): Date {
  return new Date(offer.endsAt.getTime() + timing.openForMs);
}

/** Why this person cannot give (or change) feedback on the offer now, or null when they can. */
export function feedbackRefusal(
  offer: Offer,
  attendance: readonly AttendanceRecord[],
  personId: string,
  now: Date,
  timing: FeedbackTiming,
): DomainError | null {
  if (!attendance.some((r) => r.person.id === personId && r.attended)) {
    return new DomainError('not_an_attendee', 'Only people marked as attending can give feedback on this session.');
  }
  if (now.getTime() < offer.endsAt.getTime()) return new DomainError('feedback_not_open', 'Feedback opens when the session ends.');
  if (now.getTime() >= feedbackClosesAt(offer, timing).getTime()) return new DomainError('feedback_closed', 'Feedback for this session has closed.');
  return null;
}

/**
 * The rules answers must keep beyond their shape, as field → message; empty when they are acceptable. A related goal
 * must be one of `goalChoices` (the person's own, see feedbackGoalChoices): the card's value is never trusted.
 */
export function feedbackProblems(answers: FeedbackAnswers, goalChoices: readonly Pick<Goal, 'id'>[]): FieldErrors {
  const problems: FieldErrors = {};
  const isRating = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;
  if (!isRating(answers.value)) problems.value = 'Choose a value from 1 to 5.';
  for (const scale of feedbackScales) {
    if (!isRating(answers.before[scale])) problems[`${scale}Before`] = `Rate your ${scale} before, from 1 to 5.`;
    if (!isRating(answers.after[scale])) problems[`${scale}After`] = `Rate your ${scale} after, from 1 to 5.`;
  }
  const practiceChange = answers.practiceChange.trim();
  if (practiceChange === '') problems.practiceChange = 'Say what you will do differently in your practice.';
  else if (practiceChange.length > maxPracticeChangeLength) problems.practiceChange = `Keep this to ${maxPracticeChangeLength} characters.`;
  const goalId = answers.relatedGoalId?.trim() || null;
  if (goalId !== null && !goalChoices.some((g) => g.id === goalId)) problems.relatedGoal = 'Choose one of your own CLPL goals from the list, or leave it blank.';
  return problems;
}

/**
 * A person's one response to a session: the first answer creates it, a later one replaces the answers and keeps
 * when it was first given. Refused (nothing changes) when they did not attend, feedback is not open, or an answer
 * is out of range.
 */
export function decideFeedback(input: {
  offer: Offer;
  attendance: readonly AttendanceRecord[];
  existing: FeedbackResponse | undefined;
  person: Person;
  answers: FeedbackAnswers;
  /** The person's goals the answer may name (feedbackGoalChoices). */
  goalChoices: readonly Pick<Goal, 'id'>[];
  now: Date;
  timing: FeedbackTiming;
}): FeedbackResponse {
  const refusal = feedbackRefusal(input.offer, input.attendance, input.person.id, input.now, input.timing);
  if (refusal) throw refusal;
  const problems = feedbackProblems(input.answers, input.goalChoices);
  if (Object.keys(problems).length > 0) throw new DomainError('invalid_feedback', 'Some answers need another look.', problems);
  return {
    ...input.answers,
    practiceChange: input.answers.practiceChange.trim(),
    relatedGoalId: input.answers.relatedGoalId?.trim() || null,
    offerId: input.offer.id,
    person: input.person,
    legacyRelatedGoal: input.existing?.legacyRelatedGoal ?? null,
    submittedAt: input.existing?.submittedAt ?? input.now,
    updatedAt: input.now,
  };
}

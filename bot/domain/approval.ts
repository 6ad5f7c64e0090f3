import { DomainError } from './errors';
import { Offer } from './offer';
import { promotionsToFill, SignUp } from './signUp';

/**
 * School approval for sessions in the school day (supply cover). A sign-up to an offer that needs approval holds a
 * seat (`awaiting_approval`) until the person's school approves it (confirmed), declines it or lets the hold run out
 * (withdrawn, and the freed seat goes to the waitlist in queue order). Pure rules, no I/O.
 */

/** Who answers a school's approval requests: its SLT, or the person's line manager (SLT where none is known). */
export type ApprovalRoute = 'slt' | 'line_manager';

export type ApprovalOutcome = 'approved' | 'declined';

export interface ApprovalDecision {
  /** The person's sign-up as decided (confirmed, or withdrawn when declined or expired). */
  decided: SignUp;
  changes: SignUp[];
  /** Waitlisted people moved into the freed seat, in queue order (held for approval again on such an offer). */
  promoted: SignUp[];
}

/** When a hold that started at `heldAt` runs out. */
export function holdExpiresAt(heldAt: Date, holdMs: number): Date {
  return new Date(heldAt.getTime() + holdMs);
}

/**
 * The people who may answer for `personId` of `schoolId`: the school's SLT always; by the line-manager route, also the
 * person's line manager when the school's map knows one. Nobody answers for themselves.
 */
export function approversFor(input: { route: ApprovalRoute; sltIds: readonly string[]; lineManagerId: string | null; personId: string }): string[] {
  const ids = input.route === 'line_manager' && input.lineManagerId ? [input.lineManagerId] : [...input.sltIds];
  return [...new Set(ids)].filter((id) => id !== input.personId);
}

/**
 * Refuses a decider who may not answer for this person: only SLT of the person's own school (or, by the line-manager
 * route, their line manager) may. The school is the one stored with the sign-up, never one a card sends.
 */
export function approvalDeciderRefusal(input: { deciderIsSltOfSchool: boolean; deciderIsLineManager: boolean; route: ApprovalRoute; deciderId: string; personId: string }): DomainError | null {
  const allowed = input.deciderId !== input.personId && (input.deciderIsSltOfSchool || (input.route === 'line_manager' && input.deciderIsLineManager));
  return allowed ? null : new DomainError('not_your_school_approval', "You can only approve or decline places for people in your own school.");
}

/** The person's sign-up still awaiting approval with this queue number (the same hold), else a refusal. */
function pendingHold(signUps: readonly SignUp[], personId: string, queueNumber?: number): SignUp {
  const own = signUps.find((s) => s.person.id === personId);
  if (!own || own.status !== 'awaiting_approval' || (queueNumber !== undefined && own.queueNumber !== queueNumber)) {
    throw new DomainError('approval_not_pending', 'This request has already been answered, withdrawn or has run out.');
  }
  return own;
}

function release(offer: Offer, signUps: readonly SignUp[], held: SignUp, now: Date): ApprovalDecision {
  const decided: SignUp = { ...held, status: 'withdrawn', updatedAt: now };
  const remaining = signUps.map((s) => (s.person.id === held.person.id ? decided : s));
  const started = now.getTime() >= offer.startsAt.getTime();
  const promoted = offer.status === 'cancelled' || started ? [] : promotionsToFill(offer, remaining, now);
  return { decided, changes: [decided, ...promoted], promoted };
}

/**
 * The school answers a held seat. Approval confirms it; declining frees it for the waitlist in queue order. Answering
 * a request that is no longer pending (answered by another approver, withdrawn, run out, or a newer hold) is refused,
 * so a second press changes nothing.
 */
export function decideApproval(offer: Offer, signUps: readonly SignUp[], input: { personId: string; queueNumber?: number; outcome: ApprovalOutcome; now: Date }): ApprovalDecision {
  const held = pendingHold(signUps, input.personId, input.queueNumber);
  if (offer.status === 'cancelled') throw new DomainError('offer_cancelled', 'This session has been cancelled.');
  if (input.outcome === 'declined') return release(offer, signUps, held, input.now);
  if (input.now.getTime() >= offer.startsAt.getTime()) throw new DomainError('session_started', 'This session has already started.');
  const decided: SignUp = { ...held, status: 'confirmed', updatedAt: input.now };
  return { decided, changes: [decided], promoted: [] };
}

/**
 * The hold's time has run out with no answer: the seat is freed as by a decline. Null when there is nothing to do (the
 * request was answered, withdrawn or is a newer hold, or its time has not come), so a repeated job changes nothing.
 */
export function decideHoldExpiry(offer: Offer, signUps: readonly SignUp[], input: { personId: string; queueNumber: number; now: Date; holdMs: number }): ApprovalDecision | null {
  const own = signUps.find((s) => s.person.id === input.personId);
  if (!own || own.status !== 'awaiting_approval' || own.queueNumber !== input.queueNumber) return null;
  if (input.now.getTime() < holdExpiresAt(own.updatedAt, input.holdMs).getTime()) return null;
  return release(offer, signUps, own, input.now);
}

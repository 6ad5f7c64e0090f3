import { ApprovalOutcome, approvalDeciderRefusal, decideApproval } from '../../domain/approval';
import { DomainError } from '../../domain/errors';
import { Offer } from '../../domain/offer';
import { Person } from '../../domain/person';
import { SignUp } from '../../domain/signUp';
import { AppDependencies } from '../dependencies';
import { tellPromoted } from '../promotionNotices';
import { approvingSchoolOf } from './requestApprovals';

export interface AnsweredApproval {
  offer: Offer;
  signUp: SignUp;
  outcome: ApprovalOutcome;
  /** People moved up from the waitlist into the freed seat (on a decline). */
  promoted: number;
}

/**
 * An approver answers a held place. In one transaction on a fresh, locked read: the decider must be SLT of the
 * person's own school (the school stored with the sign-up, never one the card sends) or, by the line-manager route,
 * their line manager; the hold must still be pending (the same queue number when the card names one). Approval
 * confirms the place; declining frees it for the waitlist in queue order. The person is told either way.
 */
export async function answerApproval(
  deps: AppDependencies,
  input: { offerId: string; personId: string; queueNumber?: number; decider: Person; outcome: ApprovalOutcome },
): Promise<AnsweredApproval> {
  const result = await deps.stores.offers.transaction(async (tx) => {
    const offer = await tx.lockOffer(input.offerId);
    if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
    const signUps = await tx.signUpsForOffer(offer.id);
    const own = signUps.find((s) => s.person.id === input.personId);
    const schoolId = own ? approvingSchoolOf(offer, own) : offer.schoolId;
    const lineManagerId = deps.approval.route === 'line_manager' ? await tx.lineManagerOf(schoolId, input.personId) : null;
    const refusal = approvalDeciderRefusal({
      deciderIsSltOfSchool: deps.leadership.sltIdsOf(schoolId).includes(input.decider.id),
      deciderIsLineManager: lineManagerId === input.decider.id,
      route: deps.approval.route,
      deciderId: input.decider.id,
      personId: input.personId,
    });
    if (refusal) throw refusal;
    const now = deps.clock.now();
    const decision = decideApproval(offer, signUps, { personId: input.personId, queueNumber: input.queueNumber, outcome: input.outcome, now });
    await tx.saveSignUps(decision.changes);
    await tx.raiseRevision(offer.id);
    await tx.enqueueNotice(
      {
        idempotencyKey: `approval_answered:${offer.id}:${input.personId}:${decision.decided.queueNumber}:${now.getTime()}`,
        schoolId,
        recipientId: input.personId,
        notice: { kind: 'approval_answered', offerId: offer.id, offerTitle: offer.title, startsAt: offer.startsAt.toISOString(), timeZone: offer.timeZone, outcome: input.outcome, deciderName: input.decider.name },
      },
      now,
    );
    await tellPromoted(deps, tx, offer, decision.promoted, now);
    return { offer: { ...offer, revision: offer.revision + 1 }, signUp: decision.decided, outcome: input.outcome, promoted: decision.promoted.length };
  });
  deps.afterCommit.offerChanged(input.offerId);
  deps.afterCommit.noticesQueued();
  return result;
}

import { answerApproval } from '../../../app/approval/answerApproval';
import { ApprovalOutcome } from '../../../domain/approval';
import { approvalResultCard } from '../cards/approvalCards';
import { approvalDecisionData, approvalVerbs } from './approvalSchema';
import { ActionContext, VerbHandler } from './types';

function answer(outcome: ApprovalOutcome): VerbHandler {
  return async (ctx: ActionContext, data: unknown) => {
    const { offerId, personId, queueNumber } = approvalDecisionData.parse(data);
    const answered = await answerApproval(ctx.app, { offerId, personId, queueNumber, decider: ctx.person, outcome });
    return approvalResultCard({ outcome, personName: answered.signUp.person.name, title: answered.offer.title, promoted: answered.promoted });
  };
}

/** Approve / Decline on the card an approver gets for a place held on a session in the school day. */
export const approvalVerbHandlers: Record<string, VerbHandler> = {
  [approvalVerbs.approve]: answer('approved'),
  [approvalVerbs.decline]: answer('declined'),
};

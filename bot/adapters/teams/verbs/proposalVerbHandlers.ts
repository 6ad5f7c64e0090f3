import { decideProposal } from '../../../app/proposals/decideProposal';
import { decisionResultCard } from '../cards/proposalNoticeCard';
import { proposalDecisionData, proposalVerbs } from './proposalSchema';
import { ActionContext, VerbHandler } from './types';

function decide(outcome: 'approved' | 'declined'): VerbHandler {
  return async (ctx: ActionContext, data: unknown) => {
    const { proposalId, reason } = proposalDecisionData.parse(data);
    const decided = await decideProposal(ctx.app, { proposalId, decider: ctx.person, outcome, reason });
    return decisionResultCard({ outcome, title: decided.proposal.draft.title, proposerName: decided.proposal.proposer.name, channelName: decided.channelName });
  };
}

/** Approve / Decline on the approval card a senior leader gets for a proposed offer. */
export const proposalVerbHandlers: Record<string, VerbHandler> = {
  [proposalVerbs.approve]: decide('approved'),
  [proposalVerbs.decline]: decide('declined'),
};

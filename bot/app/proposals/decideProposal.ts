import { DomainError } from '../../domain/errors';
import { createOffer as buildOffer, Offer } from '../../domain/offer';
import { Person } from '../../domain/person';
import { normaliseReason, OfferProposal, ProposalDecision, proposalDecisionRefusal } from '../../domain/proposal';
import { postNewOffer } from '../createOffer';
import { AppDependencies } from '../dependencies';
import { feedbackRequestsJob, sessionRemindersJob } from '../offerNotices';

export interface DecidedProposal {
  proposal: OfferProposal;
  /** The posted offer and its channel, when approved. */
  offer: Offer | null;
  channelName: string | null;
}

/**
 * A senior leader approves or declines a proposed offer, once. Approval turns the draft into an offer (checked again,
 * as time has passed) and posts it like an SLT's own; either way the proposer is told, in the same transaction.
 */
export async function decideProposal(
  deps: AppDependencies,
  input: { proposalId: string; decider: Person; outcome: 'approved' | 'declined'; reason?: string },
): Promise<DecidedProposal> {
  const found = await deps.stores.proposals.findProposal(input.proposalId);
  if (!found) throw new DomainError('proposal_not_found', 'That proposal no longer exists.');
  const deciderIsSlt = deps.leadership.isSlt(found.schoolId, input.decider.id);
  const early = proposalDecisionRefusal(found, { deciderIsSlt });
  if (early) throw early;
  const school = await deps.stores.schools.findSchool(found.schoolId);
  const channel = school?.clplChannel ?? null;
  if (input.outcome === 'approved' && !channel) throw new DomainError('clpl_channel_not_set', 'No CLPL channel has been chosen for this school.');
  const now = deps.clock.now();
  const reason = normaliseReason(input.reason);

  const decided = await deps.stores.proposals.transaction(async (tx) => {
    const proposal = await tx.lockProposal(input.proposalId);
    if (!proposal) throw new DomainError('proposal_not_found', 'That proposal no longer exists.');
    const refusal = proposalDecisionRefusal(proposal, { deciderIsSlt });
    if (refusal) throw refusal;
    const offer =
      input.outcome === 'approved'
        ? buildOffer(proposal.draft, { id: deps.newId(), schoolId: proposal.schoolId, author: proposal.proposer, now, catalogue: deps.tagCatalogue })
        : null;
    if (offer) {
      await tx.insertOffer(offer);
      await tx.scheduleJob(sessionRemindersJob(offer, now, deps.reminderLeadMs), now);
      await tx.scheduleJob(feedbackRequestsJob(offer, now, deps.evidence.feedback.requestDelayMs), now);
    }
    const decision: ProposalDecision = { outcome: input.outcome, by: input.decider, at: now, reason, offerId: offer?.id ?? null };
    await tx.saveDecision(proposal.id, decision);
    await tx.enqueueNotice(
      {
        idempotencyKey: `proposal_decided:${proposal.id}`,
        schoolId: proposal.schoolId,
        recipientId: proposal.proposer.id,
        notice: {
          kind: 'proposal_decided',
          proposalId: proposal.id,
          offerTitle: proposal.draft.title,
          outcome: input.outcome,
          deciderName: input.decider.name,
          reason,
          channelName: offer ? (channel?.name ?? null) : null,
        },
      },
      now,
    );
    return { proposal: { ...proposal, status: input.outcome, decision }, offer };
  });
  deps.afterCommit.noticesQueued();
  if (decided.offer && channel) await postNewOffer(deps, decided.offer, channel.id, decided.offer.schoolId);
  return { ...decided, channelName: decided.offer ? (channel?.name ?? null) : null };
}

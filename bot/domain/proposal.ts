import { DomainError } from './errors';
import { OfferDraft } from './offer';
import { Person } from './person';

export type ProposalStatus = 'pending' | 'approved' | 'declined';

/** An offer a member of staff (not SLT) would like to run; it is posted only once a senior leader approves it. */
export interface OfferProposal {
  id: string;
  schoolId: string;
  proposer: Person;
  draft: OfferDraft;
  status: ProposalStatus;
  createdAt: Date;
  decision: ProposalDecision | null;
}

export interface ProposalDecision {
  outcome: 'approved' | 'declined';
  by: Person;
  at: Date;
  /** Optional words from the senior leader, passed on to the proposer. */
  reason: string | null;
  /** The offer posted on approval. */
  offerId: string | null;
}

export const maxDecisionReasonLength = 500;

/** Why this person may not decide this proposal now, or null when they may. A proposal is decided once. */
export function proposalDecisionRefusal(proposal: OfferProposal, input: { deciderIsSlt: boolean }): DomainError | null {
  if (!input.deciderIsSlt) return new DomainError('not_slt', 'Only senior leaders can approve or decline proposed offers.');
  if (proposal.status !== 'pending' && proposal.decision) {
    return new DomainError('proposal_already_decided', `This proposal was already ${proposal.decision.outcome} by ${proposal.decision.by.name}.`);
  }
  if (proposal.status !== 'pending') return new DomainError('proposal_already_decided', 'This proposal has already been decided.');
  return null;
}

/** A decline reason as typed on the card: trimmed, empty means none, bounded so a notice card stays small. */
export function normaliseReason(raw: string | undefined): string | null {
  const trimmed = (raw ?? '').trim();
  return trimmed === '' ? null : trimmed.slice(0, maxDecisionReasonLength);
}

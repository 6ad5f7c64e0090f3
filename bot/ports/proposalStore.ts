import { OfferProposal, ProposalDecision } from '../domain/proposal';
import { OfferTransaction } from './offerStore';
import { NewNotice } from './outbox';

/** An offer transaction that can also lock and decide a proposal, so approving, posting and telling happen at once. */
export interface ProposalTransaction extends OfferTransaction {
  /** Reads the proposal and holds it until commit, so two senior leaders cannot both decide it. */
  lockProposal(proposalId: string): Promise<OfferProposal | undefined>;
  saveDecision(proposalId: string, decision: ProposalDecision): Promise<void>;
}

export interface ProposalStore {
  /** Keeps a new proposal and queues the approval requests in one transaction. */
  propose(proposal: OfferProposal, notices: readonly NewNotice[], now: Date): Promise<void>;
  findProposal(proposalId: string): Promise<OfferProposal | undefined>;
  transaction<T>(work: (tx: ProposalTransaction) => Promise<T>): Promise<T>;
  /** A school's proposals still waiting for a decision, oldest first. */
  pendingProposalsOf(schoolId: string): Promise<OfferProposal[]>;
}

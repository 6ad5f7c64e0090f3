import { DomainError } from '../../domain/errors';
import { OfferDraft, offerDraftProblems } from '../../domain/offer';
import { Person } from '../../domain/person';
import { OfferProposal } from '../../domain/proposal';
import { NewNotice } from '../../ports/outbox';
import { AppDependencies } from '../dependencies';

/**
 * A member of staff who is not SLT proposes an offer (Balerno: "Staff can offer and attend in-house CLPL"): it is
 * kept, and each senior leader of the school is asked 1:1 to approve or decline it. Nothing is posted yet.
 */
export async function proposeOffer(
  deps: AppDependencies,
  input: { schoolId: string; proposer: Person; draft: OfferDraft },
): Promise<{ proposal: OfferProposal; approvers: number }> {
  const school = await deps.stores.schools.findSchool(input.schoolId);
  if (!school) throw new DomainError('school_unknown', 'This school is not set up yet.');
  if (!school.clplChannel) throw new DomainError('clpl_channel_not_set', 'No CLPL channel has been chosen for this school.');
  const now = deps.clock.now();
  const problems = offerDraftProblems(input.draft, now, deps.tagCatalogue);
  if (Object.keys(problems).length > 0) throw new DomainError('invalid_offer', 'The offer is not valid.', problems);
  const approvers = deps.leadership.sltIdsOf(school.id).filter((id) => id !== input.proposer.id);
  if (approvers.length === 0) throw new DomainError('not_slt', 'No senior leaders are set up to approve proposed offers.');

  const draft = { ...input.draft, title: input.draft.title.trim(), description: input.draft.description.trim() };
  const proposal: OfferProposal = { id: `proposal-${deps.newId()}`, schoolId: school.id, proposer: input.proposer, draft, status: 'pending', createdAt: now, decision: null };
  const notices: NewNotice[] = approvers.map((sltId) => ({
    idempotencyKey: `proposal:${proposal.id}:${sltId}`,
    schoolId: school.id,
    recipientId: sltId,
    notice: {
      kind: 'offer_proposal',
      proposalId: proposal.id,
      proposerName: input.proposer.name,
      offerTitle: draft.title,
      description: draft.description,
      facilitatorName: draft.facilitator.name,
      startsAt: draft.startsAt.toISOString(),
      endsAt: draft.endsAt.toISOString(),
      timeZone: draft.timeZone,
      location: draft.location,
      onlineLink: draft.onlineLink,
      capacity: draft.capacity,
    },
  }));
  await deps.stores.proposals.propose(proposal, notices, now);
  deps.afterCommit.noticesQueued();
  return { proposal, approvers: approvers.length };
}

import { z } from 'zod';
import { OfferDraft } from '../../domain/offer';
import { OfferProposal, ProposalStatus } from '../../domain/proposal';

/** A proposed offer (see migrations/0007_offer_proposals.ts); the draft is kept as JSON until it becomes an offer. */
export interface OfferProposalRow {
  id: string;
  school_id: string;
  proposer_id: string;
  proposer_name: string;
  draft: string;
  status: string;
  created_at: string;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  reason: string | null;
  offer_id: string | null;
}

/** An offer draft as kept in JSON (proposals, imported programmes). */
export const storedDraft = z.object({
  title: z.string(),
  description: z.string(),
  facilitator: z.union([
    z.object({ kind: z.literal('staff'), userId: z.string(), name: z.string() }),
    z.object({ kind: z.literal('external'), name: z.string() }),
  ]),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  timeZone: z.string(),
  location: z.string().nullable(),
  onlineLink: z.string().nullable(),
  capacity: z.number(),
  signUpsCloseAt: z.coerce.date(),
  tags: z.object({ standards: z.array(z.string()), priorities: z.array(z.string()) }),
  followUpWeeks: z.number().int().optional(),
  // A proposed offer in the school day keeps needing the school's approval once approved and posted.
  needsApproval: z.literal(true).optional(),
});

export function proposalToRow(proposal: OfferProposal): OfferProposalRow {
  const decision = proposal.decision;
  return {
    id: proposal.id,
    school_id: proposal.schoolId,
    proposer_id: proposal.proposer.id,
    proposer_name: proposal.proposer.name,
    draft: JSON.stringify(proposal.draft),
    status: proposal.status,
    created_at: proposal.createdAt.toISOString(),
    decided_by_id: decision?.by.id ?? null,
    decided_by_name: decision?.by.name ?? null,
    decided_at: decision?.at.toISOString() ?? null,
    reason: decision?.reason ?? null,
    offer_id: decision?.offerId ?? null,
  };
}

export function proposalFromRow(row: OfferProposalRow): OfferProposal {
  const status = row.status as ProposalStatus;
  return {
    id: row.id,
    schoolId: row.school_id,
    proposer: { id: row.proposer_id, name: row.proposer_name },
    draft: storedDraft.parse(JSON.parse(row.draft)) as OfferDraft,
    status,
    createdAt: new Date(row.created_at),
    decision:
      status === 'pending' || row.decided_by_id === null || row.decided_at === null
        ? null
        : {
            outcome: status,
            by: { id: row.decided_by_id, name: row.decided_by_name ?? '' },
            at: new Date(row.decided_at),
            reason: row.reason,
            offerId: row.offer_id,
          },
  };
}

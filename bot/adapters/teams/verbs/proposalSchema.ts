import { z } from 'zod';
import { maxDecisionReasonLength } from '../../../domain/proposal';

/** Public contract, like every verb: never changed in place (see cardActionSchema.ts). */
export const proposalVerbs = {
  approve: 'proposal.approve.v1',
  decline: 'proposal.decline.v1',
} as const;

export const proposalDecisionData = z.object({
  proposalId: z.string().trim().min(1).max(200),
  // Longer reasons are cut to the limit rather than refused: the decision is what matters.
  reason: z.string().max(maxDecisionReasonLength * 4).optional(),
});

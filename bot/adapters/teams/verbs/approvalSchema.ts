import { z } from 'zod';

/** Public contract, like every verb: never changed in place (see cardActionSchema.ts). */
export const approvalVerbs = {
  approve: 'approval.approve.v1',
  decline: 'approval.decline.v1',
} as const;

/** Which held place is answered; who may answer is decided from the stored sign-up, never from this data. */
export const approvalDecisionData = z.object({
  offerId: z.string().trim().min(1).max(200),
  personId: z.string().trim().min(1).max(200),
  queueNumber: z.coerce.number().int().min(1).optional(),
});

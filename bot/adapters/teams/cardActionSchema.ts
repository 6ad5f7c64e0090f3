import { z } from 'zod';

/**
 * Verbs and data shapes are a public contract: cards stay in channels for months, so a verb is never changed in
 * place; a new shape gets a new verb (…v2) and the old one keeps working.
 */
export const verbs = {
  signUp: 'offer.signUp.v1',
  withdraw: 'offer.withdraw.v1',
  refresh: 'offer.refresh.v1',
  createOffer: 'offer.create.v1',
} as const;

export const offerActionData = z.object({
  offerId: z.string().trim().min(1).max(100),
});

/** An `Action.Submit` fallback arrives as a message whose value carries the verb beside the data. */
export const submitFallbackValue = z
  .object({
    verb: z.string().min(1).max(100),
  })
  .passthrough();

import { z } from 'zod';

/** A report period chosen on the report card: 0 is the whole school year, then each term in order. */
export const periodActionData = z.object({
  periodIndex: z.coerce.number().int().min(0).max(20),
});

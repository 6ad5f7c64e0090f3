import { z } from 'zod';

/** PUT …/work-pattern: share of full time in whole percent. */
export const workPatternBody = z
  .object({
    ftePercent: z
      .number({ required_error: 'Give the share of full time.', invalid_type_error: 'Give the share of full time as a number.' })
      .int('Use a whole percent.')
      .min(10, 'At least 10%.')
      .max(100, 'At most 100% (full time).'),
  })
  .strict();

export const personIdParam = z.string().min(1).max(200);

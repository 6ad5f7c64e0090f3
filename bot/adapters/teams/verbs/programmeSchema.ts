import { z } from 'zod';

/** Public contract, like every verb: never changed in place (see cardActionSchema.ts). */
export const programmeVerbs = {
  schedule: 'programme.schedule.v1',
  cancel: 'programme.cancel.v1',
} as const;

export const programmeActionData = z.object({ importId: z.string().trim().min(1).max(200) });

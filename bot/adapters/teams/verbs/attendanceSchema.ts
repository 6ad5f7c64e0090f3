import { z } from 'zod';
import { attendanceInputPrefix } from '../cards/attendanceCard';

const personId = z.string().trim().max(200);

/**
 * The attendance card's submission: its offer, and one value per toggle (`attended_<n>`), the person's id when
 * switched on and empty when off. Every other key (cardVersion, the verb of a fallback) is ignored.
 */
export const attendanceSubmission = z
  .object({ offerId: z.string().trim().min(1).max(100) })
  .passthrough()
  .transform((data, ctx) => {
    const toggles = Object.entries(data).filter(([key]) => key.startsWith(attendanceInputPrefix) && /^\d{1,4}$/.test(key.slice(attendanceInputPrefix.length)));
    if (toggles.length > 1000) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'too many people on one card' });
      return z.NEVER;
    }
    const attendedIds = new Set<string>();
    for (const [key, value] of toggles) {
      const parsed = personId.safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'not a person id' });
        return z.NEVER;
      }
      if (parsed.data !== '') attendedIds.add(parsed.data);
    }
    return { offerId: data.offerId, attendedIds: [...attendedIds] };
  });

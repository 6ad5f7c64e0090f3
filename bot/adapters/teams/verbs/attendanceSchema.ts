import { z } from 'zod';
import { absentValuePrefix, attendanceInputPrefix, attendanceMarkPrefix, attendancePageSize } from '../cards/attendanceCard';

const personId = z.string().trim().max(200);
/** A paged toggle always names its person, so an empty value is not one our card sends. */
const markValue = z.string().trim().min(1).max(200 + absentValuePrefix.length).refine((v) => v !== absentValuePrefix);

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

/**
 * One page of the paged card (attendance.page.v1): its offer, the page to show next, and one value per toggle
 * (`mark_<n>`): the person's id when switched on, `absent:<id>` when off. Only the people it names are recorded.
 */
export const attendancePageSubmission = z
  .object({
    offerId: z.string().trim().min(1).max(100),
    showPage: z.string().regex(/^\d{1,4}$/).transform(Number),
  })
  .passthrough()
  .transform((data, ctx) => {
    const toggles = Object.entries(data).filter(([key]) => key.startsWith(attendanceMarkPrefix) && /^\d{1,3}$/.test(key.slice(attendanceMarkPrefix.length)));
    if (toggles.length > attendancePageSize) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'more people than one page holds' });
      return z.NEVER;
    }
    const attendedIds = new Set<string>();
    const absentIds = new Set<string>();
    for (const [key, value] of toggles) {
      const parsed = markValue.safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'not a person id' });
        return z.NEVER;
      }
      if (parsed.data.startsWith(absentValuePrefix)) absentIds.add(parsed.data.slice(absentValuePrefix.length));
      else attendedIds.add(parsed.data);
    }
    return { offerId: data.offerId, showPage: data.showPage, attendedIds: [...attendedIds], absentIds: [...absentIds] };
  });

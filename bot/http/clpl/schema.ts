import { z } from 'zod';
import { activityKinds } from '../../domain/clplRecord';

/** POST /api/tab/clpl/activities: CLPL that did not come through an offer. */
export const logActivityBody = z
  .object({
    kind: z.enum(activityKinds, { errorMap: () => ({ message: 'Choose what kind of CLPL it was.' }) }),
    title: z.string({ required_error: 'Say what it was.' }).max(200, 'At most 200 characters.').refine((t) => t.trim() !== '', 'Say what it was.'),
    date: z.string({ required_error: 'Give the date.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date (YYYY-MM-DD).'),
    hours: z.number({ required_error: 'Give the hours.', invalid_type_error: 'Hours must be a number.' }).positive('Hours must be more than 0.').max(100, 'At most 100 hours.'),
    reflection: z.string().max(2000, 'At most 2000 characters.').default(''),
    goalId: z.string().min(1).max(100).nullable().default(null),
  })
  .strict();

export const offerIdParam = z.string().min(1).max(100);

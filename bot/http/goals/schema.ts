import { z } from 'zod';
import { evidenceKinds, goalLimits, goalStatuses } from '../../domain/goals';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date (YYYY-MM-DD).');
const text = (max: number, what: string) => z.string({ required_error: `${what} is required.` }).max(max, `${what}: at most ${max} characters.`);

/** POST /api/tab/goals */
export const createGoalBody = z
  .object({
    title: text(goalLimits.title, 'Title').refine((t) => t.trim() !== '', 'Give the goal a title.'),
    successCriteria: text(goalLimits.successCriteria, 'What success looks like').default(''),
    standardArea: z.string({ required_error: 'Choose a GTCS Professional Standards area.' }),
    targetDate: date.nullable().default(null),
  })
  .strict();

/** PATCH /api/tab/goals/:goalId (edit, change status, mark achieved). `version` is the one the person saw. */
export const editGoalBody = z
  .object({
    version: z.string({ required_error: 'version is required.' }).min(1),
    title: text(goalLimits.title, 'Title').optional(),
    successCriteria: text(goalLimits.successCriteria, 'What success looks like').optional(),
    standardArea: z.string().optional(),
    targetDate: date.nullable().optional(),
    status: z.enum(goalStatuses).optional(),
    evidence: z
      .array(z.object({ kind: z.enum(evidenceKinds), ref: z.string().min(1).max(2000), label: z.string().max(goalLimits.evidenceLabel) }).strict())
      .max(goalLimits.evidence)
      .optional(),
  })
  .strict();

/** POST /api/tab/goals/:goalId/progress */
export const progressBody = z
  .object({
    version: z.string({ required_error: 'version is required.' }).min(1),
    text: text(goalLimits.progressNote, 'Progress note').refine((t) => t.trim() !== '', 'Write a short note on your progress.'),
    date: date.optional(),
    achieved: z.boolean().optional(),
  })
  .strict();

export const goalIdParam = z.string().min(1).max(100);

/**
 * POST /api/tab/goals/:goalId/evidence: evidence added by hand, either a web address (a document, a blog post) or a
 * session the person attended (the server checks that and names it).
 */
export const addEvidenceBody = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('link'),
        version: z.string({ required_error: 'version is required.' }).min(1),
        ref: z.string().max(2000, 'At most 2000 characters.').url('Give a web address.').regex(/^https:\/\//i, 'Use an https:// address.'),
        label: z.string().max(goalLimits.evidenceLabel, `At most ${goalLimits.evidenceLabel} characters.`).refine((t) => t.trim() !== '', 'Give the link a short label.'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('session'),
        version: z.string({ required_error: 'version is required.' }).min(1),
        ref: z.string().min(1, 'Choose a session.').max(100),
      })
      .strict(),
  ],
  { errorMap: () => ({ message: 'Choose a link or a session you attended.' }) },
);

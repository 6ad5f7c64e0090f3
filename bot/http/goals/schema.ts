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

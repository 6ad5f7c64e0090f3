import { z } from 'zod';
import { groupIdPattern } from '../../domain/schoolGroups';

/** A group id as groups are named (lower case, digits, hyphens): anything else cannot be a group. */
export const groupIdParam = z.string().regex(groupIdPattern, 'Not a group id.');

/** GET /api/tab/partnership/:groupId/periods/:index */
export const partnershipReportParams = z.object({
  groupId: groupIdParam,
  index: z.string().regex(/^\d{1,2}$/, 'Not a period.').transform((index) => Number.parseInt(index, 10)),
});

/** GET /api/reports/groups/:groupId/:file — the router cannot match a parameter followed by ".csv". */
export const partnershipCsvParams = z.object({
  groupId: groupIdParam,
  file: z.string().regex(/^\d{1,2}\.csv$/, 'Not a period.').transform((file) => Number.parseInt(file, 10)),
});

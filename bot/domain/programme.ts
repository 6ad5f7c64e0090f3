import { FieldErrors } from './errors';
import { OfferDraft, offerDraftProblems } from './offer';
import { Person } from './person';
import { TagCatalogue } from './tags';

/**
 * A term's or year's programme, imported from a CSV by a senior leader: offers checked together, shown in a preview,
 * then each posted on its publish date by the scheduler. Pure rules here; reading the CSV is in app/programme.
 */

/** Big enough for a year of sessions, small enough to check and preview at once (and to keep the card small). */
export const programmeLimits = { maxRows: 200, maxBytes: 256 * 1024 } as const;

export interface ProgrammeItem {
  /** The line of the file the offer came from, to name it in messages. */
  line: number;
  draft: OfferDraft;
  /** When to post it; null: as soon as the import is confirmed. */
  publishAt: Date | null;
  /** Fixed when the import is saved, so a publish job that runs twice finds the offer it already made. */
  offerId: string;
}

export type ProgrammeStatus = 'pending' | 'scheduled' | 'cancelled';

export interface ProgrammeImport {
  id: string;
  schoolId: string;
  importer: Person;
  fileName: string;
  items: ProgrammeItem[];
  status: ProgrammeStatus;
  createdAt: Date;
  decidedAt: Date | null;
}

/** One thing wrong with the file; `line` null for the file as a whole, `column` null for the whole line. */
export interface ProgrammeProblem {
  line: number | null;
  column: string | null;
  message: string;
}

/** "Line 7, capacity: Capacity must be a whole number of at least 1." */
export function problemText(problem: ProgrammeProblem): string {
  const where = [problem.line === null ? null : `Line ${problem.line}`, problem.column].filter((part) => part !== null).join(', ');
  return where === '' ? problem.message : `${where}: ${problem.message}`;
}

/**
 * The domain rules an item must keep, by offer-draft field, beyond the draft's own (offerDraftProblems, the one place
 * for those): an offer posted after sign-ups close could never be signed up for.
 */
export function programmeItemProblems(item: Pick<ProgrammeItem, 'draft' | 'publishAt'>, now: Date, catalogue: TagCatalogue): FieldErrors {
  const problems = offerDraftProblems(item.draft, now, catalogue);
  if (item.publishAt && item.publishAt.getTime() >= item.draft.signUpsCloseAt.getTime()) {
    problems.publishDate = 'Publish the offer before its sign-ups close.';
  }
  return problems;
}

/** When the scheduler posts an item: its publish date, or at once when it has none or that has passed. */
export function publishTimeOf(item: Pick<ProgrammeItem, 'publishAt'>, now: Date): Date {
  return item.publishAt && item.publishAt.getTime() > now.getTime() ? item.publishAt : now;
}

export function programmePublishKey(importId: string, line: number): string {
  return `programme_publish:${importId}:${line}`;
}

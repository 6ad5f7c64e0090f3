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
  /** For every school of this group (its `for` column); absent: for the importer's own school. */
  groupId?: string;
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
export function programmeItemProblems(item: Pick<ProgrammeItem, 'draft' | 'publishAt' | 'groupId'>, now: Date, catalogue: TagCatalogue): FieldErrors {
  const problems = offerDraftProblems(item.draft, now, catalogue);
  // The offer form's rule: places per school only mean something when several schools share the places.
  if (item.groupId === undefined) {
    const onlyForGroups = 'only for an offer to a group of schools: name the group in the "for" column, or leave this empty.';
    if (item.draft.quotaPerSchool !== undefined) problems.quotaPerSchool = `Places per school are ${onlyForGroups}`;
    if (item.draft.quotaReleasesAt !== undefined) problems.quotaReleasesAt = `Returning unused places is ${onlyForGroups}`;
  }
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

/** Who an importer is, for the `for` column: the groups there are, and which of them they lead. */
export interface ProgrammeAudienceContext {
  /** SLT of the school the file is imported into: only they may offer to that school alone. */
  isSlt: boolean;
  groups: readonly { id: string; name: string }[];
  /** Groups the importer leads, directly or through a group containing them (SchoolGroups.groupsLedBy). */
  ledGroupIds: readonly string[];
}

/** What the `for` column may say for the importer's own school (empty means the same). */
const ownSchoolWords = ['', 'school', 'this school', 'our school'];

/**
 * Whom a line's offer is for, by the offer form's "For whom" rules: the importer's school (SLT only) or a group of
 * schools, by id or name, that the importer leads. Answers the group's id (undefined: the school) or why not.
 */
export function programmeAudience(value: string, context: ProgrammeAudienceContext): { groupId: string | undefined } | { problem: string } {
  const wanted = value.trim().replace(/\s+/g, ' ').toLowerCase();
  const led = context.groups.filter((g) => context.ledGroupIds.includes(g.id));
  const choices = led.length === 0 ? 'You lead no group of schools.' : `The groups you lead: ${led.map((g) => g.id).join(', ')}.`;
  if (ownSchoolWords.includes(wanted)) {
    if (context.isSlt) return { groupId: undefined };
    return { problem: `Only senior leaders can offer CLPL to this school alone. Name a group you lead instead. ${choices}` };
  }
  const group = context.groups.find((g) => g.id.toLowerCase() === wanted) ?? context.groups.find((g) => g.name.toLowerCase() === wanted);
  if (!group) return { problem: `There is no group of schools "${value.trim()}". Write "this school" or a group's id. ${choices}` };
  if (!context.ledGroupIds.includes(group.id)) {
    return { problem: `Only the CLPL leads of ${group.name} (${group.id}) can offer CLPL to its schools, and you are not one. ${choices}` };
  }
  return { groupId: group.id };
}

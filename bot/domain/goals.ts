/**
 * Personal CLPL goals, as agreed at the Professional Review and Development (PRD) meeting. Pure rules, no I/O: the
 * goal store (SQL or a SharePoint list) keeps them, the use cases in app/goals/ load, decide here and save.
 */

/** `proposed`: drafted in a PRD reflection, to be agreed at the PRD meeting. */
export const goalStatuses = ['proposed', 'not_started', 'in_progress', 'achieved'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export const evidenceKinds = ['session', 'feedback', 'follow_up', 'reflection', 'activity', 'link', 'peer_observation'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** A dated note on how the goal is going. `date` is a calendar date (YYYY-MM-DD) in the school's time zone. */
export interface ProgressNote {
  date: string;
  text: string;
}

/** Something that shows progress: an attended session, a feedback answer, a reflection, logged CLPL or a URL. */
export interface EvidenceLink {
  kind: EvidenceKind;
  /** The id of the thing (offer id, activity id) or, for `link`, the URL. */
  ref: string;
  label: string;
}

export interface Goal {
  id: string;
  /** The owner's Entra object id: the only person who may read or change the goal. */
  ownerId: string;
  title: string;
  successCriteria: string;
  standardArea: string;
  /** YYYY-MM-DD, or null when no date was agreed. */
  targetDate: string | null;
  status: GoalStatus;
  progressNotes: ProgressNote[];
  evidence: EvidenceLink[];
  createdAt: Date;
  updatedAt: Date;
  /** Opaque concurrency token (a revision number or a SharePoint eTag): an update names the version it started from. */
  version: string;
}

export interface GoalDraft {
  title: string;
  successCriteria: string;
  standardArea: string;
  targetDate: string | null;
}

export type GoalChanges = Partial<GoalDraft> & { status?: GoalStatus; evidence?: EvidenceLink[] };

export const goalLimits = {
  title: 200,
  successCriteria: 2000,
  progressNote: 2000,
  evidenceLabel: 200,
  evidence: 50,
  progressNotes: 200,
} as const;

export type GoalErrorCode = 'goal_not_found' | 'invalid_goal' | 'goal_conflict';

/** An error a person can cause with a goal; the code is the contract (bot/http maps it to a status). */
export class GoalError extends Error {
  constructor(
    readonly code: GoalErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GoalError';
  }
}

export function isGoalError(error: unknown): error is GoalError {
  return error instanceof GoalError;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(text: string): boolean {
  if (!isoDate.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Checks a draft against the rules and the deployment's standard areas; throws `invalid_goal` with every problem. */
export function checkDraft(draft: GoalDraft, standardAreas: readonly string[]): GoalDraft {
  const problems: Record<string, string> = {};
  const title = draft.title.trim();
  const successCriteria = draft.successCriteria.trim();
  if (title === '') problems.title = 'Give the goal a title.';
  else if (title.length > goalLimits.title) problems.title = `Keep the title to ${goalLimits.title} characters.`;
  if (successCriteria.length > goalLimits.successCriteria) problems.successCriteria = `Keep "what success looks like" to ${goalLimits.successCriteria} characters.`;
  if (!standardAreas.includes(draft.standardArea)) problems.standardArea = 'Choose one of the GTCS Professional Standards areas.';
  if (draft.targetDate !== null && !isCalendarDate(draft.targetDate)) problems.targetDate = 'The target date must be a date (YYYY-MM-DD).';
  if (Object.keys(problems).length > 0) throw new GoalError('invalid_goal', 'The goal is not complete.', problems);
  return { title, successCriteria, standardArea: draft.standardArea, targetDate: draft.targetDate };
}

export function newGoal(input: { id: string; ownerId: string; draft: GoalDraft; now: Date; standardAreas: readonly string[] }): Goal {
  const draft = checkDraft(input.draft, input.standardAreas);
  return {
    id: input.id,
    ownerId: input.ownerId,
    ...draft,
    status: 'not_started',
    progressNotes: [],
    evidence: [],
    createdAt: input.now,
    updatedAt: input.now,
    version: '',
  };
}

/** Edits what the person changed; the rest stays. Marking achieved is just a status change. */
export function editGoal(goal: Goal, changes: GoalChanges, now: Date, standardAreas: readonly string[]): Goal {
  const draft = checkDraft(
    {
      title: changes.title ?? goal.title,
      successCriteria: changes.successCriteria ?? goal.successCriteria,
      standardArea: changes.standardArea ?? goal.standardArea,
      targetDate: changes.targetDate === undefined ? goal.targetDate : changes.targetDate,
    },
    // A goal keeps a standard area that has since left the catalogue, as long as the person does not change it.
    changes.standardArea === undefined ? [...standardAreas, goal.standardArea] : standardAreas,
  );
  const evidence = changes.evidence ?? goal.evidence;
  checkEvidence(evidence);
  return { ...goal, ...draft, status: changes.status ?? goal.status, evidence, updatedAt: now };
}

/** Adds a dated progress note; a goal that had not started is now in progress. Notes are kept newest first. */
export function addProgress(goal: Goal, note: ProgressNote, now: Date): Goal {
  const text = note.text.trim();
  const problems: Record<string, string> = {};
  if (text === '') problems.text = 'Write a short note on your progress.';
  else if (text.length > goalLimits.progressNote) problems.text = `Keep the note to ${goalLimits.progressNote} characters.`;
  if (!isCalendarDate(note.date)) problems.date = 'The date must be a date (YYYY-MM-DD).';
  if (goal.progressNotes.length >= goalLimits.progressNotes) problems.text = 'This goal has as many notes as it can hold.';
  if (Object.keys(problems).length > 0) throw new GoalError('invalid_goal', 'The progress note is not complete.', problems);
  const progressNotes = [{ date: note.date, text }, ...goal.progressNotes].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return { ...goal, progressNotes, status: goal.status === 'not_started' ? 'in_progress' : goal.status, updatedAt: now };
}

/** Links a piece of evidence once (the same kind and ref twice is one link). */
export function linkEvidence(goal: Goal, link: EvidenceLink, now: Date): Goal {
  if (goal.evidence.some((e) => e.kind === link.kind && e.ref === link.ref)) return goal;
  const evidence = [...goal.evidence, { ...link, label: link.label.trim() }];
  checkEvidence(evidence);
  return { ...goal, evidence, updatedAt: now };
}

/** Removes a piece of evidence (by kind and ref) when it has moved elsewhere; the goal itself when it is not there. */
export function unlinkEvidence(goal: Goal, link: Pick<EvidenceLink, 'kind' | 'ref'>, now: Date): Goal {
  const evidence = goal.evidence.filter((e) => !(e.kind === link.kind && e.ref === link.ref));
  if (evidence.length === goal.evidence.length) return goal;
  return { ...goal, evidence, updatedAt: now };
}

/** Goals a person is still working towards, which new evidence can be linked to. */
export function isOpenGoal(goal: Pick<Goal, 'status'>): boolean {
  return goal.status === 'not_started' || goal.status === 'in_progress';
}

function checkEvidence(evidence: readonly EvidenceLink[]): void {
  const problems: Record<string, string> = {};
  if (evidence.length > goalLimits.evidence) problems.evidence = `A goal can have up to ${goalLimits.evidence} pieces of evidence.`;
  for (const link of evidence) {
    if (link.label.trim() === '' || link.label.length > goalLimits.evidenceLabel) problems.evidence = 'Each piece of evidence needs a short label.';
    if (link.kind === 'link' && !/^https:\/\//i.test(link.ref)) problems.evidence = 'Evidence links must be https:// addresses.';
  }
  if (Object.keys(problems).length > 0) throw new GoalError('invalid_goal', 'The evidence is not valid.', problems);
}

/** Goals in the order a person reviews them: open ones by target date (undated last), then achieved ones. */
export function sortGoals(goals: readonly Goal[]): Goal[] {
  const rank = (g: Goal) => (g.status === 'achieved' ? 1 : 0);
  return [...goals].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.targetDate ?? '9999-99-99').localeCompare(b.targetDate ?? '9999-99-99') ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}

import { isCalendarDate } from './goals';
import { ReflectionError } from './lineManagement';

/**
 * PRD reflection: a line manager prompts a member of staff to reflect before their Professional Review and Development
 * meeting; the person answers, saving drafts, and submits. Pure rules, no I/O.
 */

export const reflectionLimits = {
  message: 500,
  answer: 2000,
  goalProgress: 1000,
  focus: 200,
  focuses: 5,
  goals: 20,
  /** People in one round: each gets a summary read from the stores while the manager waits. */
  people: 60,
} as const;

/** `unreachable`: the prompt could not be delivered (the app is not installed for the person). */
export type PromptDelivery = 'sent' | 'unreachable';

/** One send by a manager: the people prompted together, tracked on one card in the manager's chat. */
export interface PromptRound {
  id: string;
  schoolId: string;
  managerId: string;
  managerName: string;
  dueDate: string;
  message: string | null;
  createdAt: Date;
}

export interface ReflectionPrompt {
  id: string;
  roundId: string;
  schoolId: string;
  managerId: string;
  staffId: string;
  staffName: string;
  /** YYYY-MM-DD in the school's time zone: the last day answers can be changed. */
  dueDate: string;
  message: string | null;
  delivery: PromptDelivery;
  createdAt: Date;
  /** When the person was last prompted or nudged: nudges are at most once a day. */
  lastPromptedAt: Date;
}

export interface GoalProgressAnswer {
  goalId: string;
  goalTitle: string;
  progress: string;
}

export interface ReflectionAnswers {
  /** "What professional learning had most impact on your practice?" */
  impactfulLearning: string;
  /** "How do you know?" */
  howYouKnow: string;
  goalProgress: GoalProgressAnswer[];
  /** "What do you want to focus on next year?" One line each; they become proposed goals. */
  nextYearFocus: string[];
  /** GTCS Professional Standards areas the focus relates to. */
  standardAreas: string[];
}

export type ReflectionStatus = 'draft' | 'submitted';

export interface Reflection {
  promptId: string;
  staffId: string;
  answers: ReflectionAnswers;
  status: ReflectionStatus;
  updatedAt: Date;
  submittedAt: Date | null;
}

export const emptyAnswers: ReflectionAnswers = { impactfulLearning: '', howYouKnow: '', goalProgress: [], nextYearFocus: [], standardAreas: [] };

/** Checks a prompt request: the due date is a date and not before today; the message is optional and short. */
export function checkPromptRequest(input: { dueDate: string; message: string | null; staffIds: readonly string[]; today: string }): {
  dueDate: string;
  message: string | null;
  staffIds: string[];
} {
  const problems: Record<string, string> = {};
  const message = input.message?.trim() || null;
  const staffIds = [...new Set(input.staffIds.map((id) => id.trim()).filter((id) => id !== ''))];
  if (!isCalendarDate(input.dueDate)) problems.dueDate = 'Choose a due date.';
  else if (input.dueDate < input.today) problems.dueDate = 'The due date cannot be in the past.';
  if (message !== null && message.length > reflectionLimits.message) problems.message = `Keep the message to ${reflectionLimits.message} characters.`;
  if (staffIds.length === 0) problems.staff = 'Tick at least one person to prompt.';
  else if (staffIds.length > reflectionLimits.people) problems.staff = `Prompt at most ${reflectionLimits.people} people at a time.`;
  if (Object.keys(problems).length > 0) throw new ReflectionError('invalid_prompt', 'The prompt needs another look.', problems);
  return { dueDate: input.dueDate, message, staffIds };
}

/** Answers are editable up to and including the due date. */
export function isOpen(prompt: Pick<ReflectionPrompt, 'dueDate'>, today: string): boolean {
  return today <= prompt.dueDate;
}

/** Problems with the answers as field → message; a draft only has to keep the length limits, a submission must be complete. */
export function reflectionProblems(answers: ReflectionAnswers, submit: boolean, standardAreas: readonly string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const required = (field: 'impactfulLearning' | 'howYouKnow', ask: string) => {
    const text = answers[field].trim();
    if (text.length > reflectionLimits.answer) problems[field] = `Keep this to ${reflectionLimits.answer} characters.`;
    else if (submit && text === '') problems[field] = ask;
  };
  required('impactfulLearning', 'Say which professional learning had most impact on your practice.');
  required('howYouKnow', 'Say how you know it made a difference.');
  if (answers.goalProgress.length > reflectionLimits.goals) problems.goalProgress = 'Too many goals.';
  for (const goal of answers.goalProgress) {
    if (goal.progress.trim().length > reflectionLimits.goalProgress) problems[`goal:${goal.goalId}`] = `Keep progress on "${goal.goalTitle}" to ${reflectionLimits.goalProgress} characters.`;
  }
  const focuses = answers.nextYearFocus.map((f) => f.trim()).filter((f) => f !== '');
  if (focuses.length > reflectionLimits.focuses) problems.nextYearFocus = `Give at most ${reflectionLimits.focuses} focuses, one a line.`;
  else if (focuses.some((f) => f.length > reflectionLimits.focus)) problems.nextYearFocus = `Keep each focus to ${reflectionLimits.focus} characters.`;
  else if (submit && focuses.length === 0) problems.nextYearFocus = 'Say what you want to focus on next year.';
  if (answers.standardAreas.some((a) => !standardAreas.includes(a))) problems.standardAreas = 'Choose from the GTCS Professional Standards areas.';
  else if (submit && answers.standardAreas.length === 0) problems.standardAreas = 'Choose at least one GTCS Professional Standards area.';
  return problems;
}

function tidy(answers: ReflectionAnswers): ReflectionAnswers {
  return {
    impactfulLearning: answers.impactfulLearning.trim(),
    howYouKnow: answers.howYouKnow.trim(),
    goalProgress: answers.goalProgress.map((g) => ({ ...g, progress: g.progress.trim() })),
    nextYearFocus: answers.nextYearFocus.map((f) => f.trim()).filter((f) => f !== ''),
    standardAreas: [...new Set(answers.standardAreas)],
  };
}

/**
 * Saves a draft or submits. Only the prompted person may answer, only until the due date; a submitted reflection can
 * still be edited (and stays submitted) until then. Refused, changing nothing, on any problem.
 */
export function decideReflection(input: {
  prompt: ReflectionPrompt;
  existing: Reflection | undefined;
  personId: string;
  answers: ReflectionAnswers;
  submit: boolean;
  today: string;
  now: Date;
  standardAreas: readonly string[];
}): Reflection {
  if (input.personId !== input.prompt.staffId) throw new ReflectionError('prompt_not_found', 'This reflection is not yours.');
  if (!isOpen(input.prompt, input.today)) throw new ReflectionError('reflection_closed', `Reflection closed on ${input.prompt.dueDate}.`);
  const submit = input.submit || input.existing?.status === 'submitted';
  const problems = reflectionProblems(input.answers, submit, input.standardAreas);
  if (Object.keys(problems).length > 0) throw new ReflectionError('invalid_reflection', 'Some answers need another look.', problems);
  return {
    promptId: input.prompt.id,
    staffId: input.prompt.staffId,
    answers: tidy(input.answers),
    status: submit ? 'submitted' : 'draft',
    updatedAt: input.now,
    submittedAt: input.existing?.submittedAt ?? (submit ? input.now : null),
  };
}

/** A submitted reflection is for the person and their line manager (the one who prompted) only. */
export function mayRead(prompt: Pick<ReflectionPrompt, 'staffId' | 'managerId'>, viewerId: string): boolean {
  return viewerId === prompt.staffId || viewerId === prompt.managerId;
}

export type TrackingState = 'sent' | 'unreachable' | 'reflected';

/** What the manager's tracking card shows for one person: a draft is not yet an answer. */
export function trackingState(prompt: ReflectionPrompt, reflection: Reflection | undefined): TrackingState {
  if (reflection?.status === 'submitted') return 'reflected';
  return prompt.delivery === 'unreachable' ? 'unreachable' : 'sent';
}

/** What the manager's tracking card shows: each person prompted in a round and where they are. */
export interface TrackingView {
  round: PromptRound;
  people: { promptId: string; name: string; state: TrackingState }[];
}

export const nudgeIntervalMs = 24 * 60 * 60 * 1000;

/** Who a nudge goes to: not yet submitted, still open, and not prompted in the last day. */
export function promptsToNudge(
  prompts: readonly ReflectionPrompt[],
  reflections: readonly Reflection[],
  now: Date,
  today: string,
): ReflectionPrompt[] {
  return prompts.filter((p) => {
    const submitted = reflections.some((r) => r.promptId === p.id && r.status === 'submitted');
    return !submitted && isOpen(p, today) && now.getTime() - p.lastPromptedAt.getTime() >= nudgeIntervalMs;
  });
}

/** The proposed goal titles a submitted reflection brings to the PRD meeting. */
export function proposedGoalTitles(reflection: Reflection): string[] {
  return reflection.status === 'submitted' ? reflection.answers.nextYearFocus : [];
}

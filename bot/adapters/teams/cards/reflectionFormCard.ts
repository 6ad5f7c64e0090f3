import { ReflectionAnswers } from '../../../domain/reflections';
import { ClplYearSummary, ReflectionPromptNotice } from '../../../ports/reflectionNotices';
import template from './reflectionFormCard.json';
import { AdaptiveCardJson, renderTemplate } from './render';

export const goalStatusText: Record<string, string> = { proposed: 'proposed', not_started: 'not started', in_progress: 'in progress', achieved: 'achieved' };

/** What the form's inputs hold, as the card sends them back (strings). */
export interface ReflectionFormValues {
  impactfulLearning: string;
  howYouKnow: string;
  nextYearFocus: string;
  standardAreas: string;
  /** Goal id → progress text. */
  goalProgress: Record<string, string>;
}

export interface ReflectionFormCardData {
  heading: string;
  promptId: string;
  managerName: string;
  dueDate: string;
  message: string;
  formMessage: string;
  formColor: string;
  submitTitle: string;
  summary: ClplYearSummary;
  goalsText: string;
  goals: { inputId: string; title: string; statusText: string; progress: string }[];
  /** The goals' ids and titles, carried in the actions' data so the answers can name them (JSON text). */
  goalRefs: string;
  values: Omit<ReflectionFormValues, 'goalProgress'>;
  areaChoices: { title: string; value: string }[];
  errors: Record<string, string>;
}

/** Areas are chosen by position, so an area's name may hold a comma (multi-select values are comma-joined). */
export function valuesOfAnswers(answers: ReflectionAnswers, standardAreas: readonly string[]): ReflectionFormValues {
  return {
    impactfulLearning: answers.impactfulLearning,
    howYouKnow: answers.howYouKnow,
    nextYearFocus: answers.nextYearFocus.join('\n'),
    standardAreas: answers.standardAreas.map((a) => String(standardAreas.indexOf(a))).filter((i) => i !== '-1').join(','),
    goalProgress: Object.fromEntries(answers.goalProgress.map((g) => [g.goalId, g.progress])),
  };
}

export function reflectionFormCardData(input: {
  notice: Omit<ReflectionPromptNotice, 'kind'>;
  values?: ReflectionFormValues;
  submitted?: boolean;
  errors?: Record<string, string>;
  formMessage?: { text: string; color: string };
}): ReflectionFormCardData {
  const { notice } = input;
  const goals = notice.summary.goals;
  return {
    heading: notice.nudge ? 'Reminder: reflect before your PRD meeting' : 'Reflect before your PRD meeting',
    promptId: notice.promptId,
    managerName: notice.managerName,
    dueDate: notice.dueDate,
    message: notice.message ?? '',
    formMessage: input.formMessage?.text ?? '',
    formColor: input.formMessage?.color ?? 'Default',
    submitTitle: input.submitted ? 'Save changes' : 'Submit reflection',
    summary: notice.summary,
    goalsText: goals.length === 0 ? 'none yet' : goals.map((g) => `${g.title} (${goalStatusText[g.status] ?? g.status})`).join('; '),
    goals: goals.map((g, i) => ({ inputId: `goal_${i}`, title: g.title, statusText: goalStatusText[g.status] ?? g.status, progress: input.values?.goalProgress[g.id] ?? '' })),
    goalRefs: JSON.stringify(goals.map((g) => ({ id: g.id, title: g.title }))),
    values: {
      impactfulLearning: input.values?.impactfulLearning ?? '',
      howYouKnow: input.values?.howYouKnow ?? '',
      nextYearFocus: input.values?.nextYearFocus ?? '',
      standardAreas: input.values?.standardAreas ?? '',
    },
    areaChoices: notice.standardAreas.map((a, i) => ({ title: a, value: String(i) })),
    errors: input.errors ?? {},
  };
}

export function renderReflectionFormCard(data: ReflectionFormCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

/** The 1:1 card a prompt or nudge arrives as; rendered from the notice alone. */
export function reflectionPromptNoticeCard(notice: ReflectionPromptNotice): AdaptiveCardJson {
  return renderReflectionFormCard(reflectionFormCardData({ notice }));
}

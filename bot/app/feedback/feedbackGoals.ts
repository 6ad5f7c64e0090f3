import { feedbackGoalChoices } from '../../domain/feedback';
import { Goal } from '../../domain/goals';
import { GoalStore } from '../../ports/goalStore';
import { AppDependencies } from '../dependencies';
import { reflectionServices } from '../reflections/reflectionServices';

/** A goal the feedback form offers, as the card shows it. */
export interface GoalChoice {
  id: string;
  title: string;
}

/** Keeps the card well under Teams' message size; people rarely have more open goals than this. */
export const maxGoalChoices = 20;

/** The goal store the tab uses (a SharePoint list through Graph, or the database). */
export function goalStoreOf(app: AppDependencies): GoalStore {
  return reflectionServices(app).goals;
}

/** The person's own goals, or the error when the goal store cannot be read (Graph may be unavailable). */
export async function readOwnGoals(app: AppDependencies, personId: string): Promise<{ ok: true; goals: Goal[] } | { ok: false; error: unknown }> {
  try {
    return { ok: true, goals: await goalStoreOf(app).listGoals(personId) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * What the form offers for "which goal does it relate to". When the goals cannot be read, only the goal chosen before
 * is offered (its title unknown), so the form still works and keeps that answer.
 */
export function feedbackGoalOptions(app: AppDependencies, personId: string, previousGoalId: string | null): Promise<GoalChoice[]> {
  return goalOptionsOf(app, personId, previousGoalId, feedbackGoalChoices);
}

/** Which of a person's goals a form (feedback, follow-up) may name, the goal chosen before kept. */
export type GoalChooser = (goals: readonly Goal[], previousGoalId: string | null) => Goal[];

/** The form's goal options by `choose`; when the goals cannot be read, only the goal chosen before (title unknown). */
export async function goalOptionsOf(app: AppDependencies, personId: string, previousGoalId: string | null, choose: GoalChooser): Promise<GoalChoice[]> {
  const read = await readOwnGoals(app, personId);
  if (!read.ok) return previousGoalId ? [{ id: previousGoalId, title: 'The goal you chose before' }] : [];
  return choicesOf(choose(read.goals, previousGoalId), previousGoalId);
}

/**
 * The goal an answer may name, checked against the person's own goals. When they cannot be read, ownership of a newly
 * chosen goal cannot be checked: the goal already stored is kept (it was checked when chosen) and the reason returned.
 * `ownGoals` are the goals read (null when they could not be), for placing evidence without a second read.
 */
export async function checkedGoalAnswer<A extends { relatedGoalId: string | null }>(
  app: AppDependencies,
  personId: string,
  answers: A,
  previousGoalId: string | null,
  choose: GoalChooser,
): Promise<{ answers: A; choices: Pick<Goal, 'id'>[]; goalLinkFailure: string | null; ownGoals: Goal[] | null }> {
  const owned = await readOwnGoals(app, personId);
  if (owned.ok) return { answers, choices: choose(owned.goals, previousGoalId), goalLinkFailure: null, ownGoals: owned.goals };
  const choices = previousGoalId ? [{ id: previousGoalId }] : [];
  if (answers.relatedGoalId === previousGoalId) return { answers, choices, goalLinkFailure: null, ownGoals: null };
  return { answers: { ...answers, relatedGoalId: previousGoalId }, choices, goalLinkFailure: `goals could not be read: ${errorReason(owned.error)}`, ownGoals: null };
}

/** An error's message for the log. */
export function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** At most maxGoalChoices, never dropping the goal chosen before. */
export function choicesOf(goals: readonly Goal[], previousGoalId: string | null): GoalChoice[] {
  const shown = goals.slice(0, maxGoalChoices);
  const previous = goals.find((g) => g.id === previousGoalId);
  if (previous && !shown.includes(previous)) shown[shown.length - 1] = previous;
  return shown.map((g) => ({ id: g.id, title: g.title }));
}

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
export async function feedbackGoalOptions(app: AppDependencies, personId: string, previousGoalId: string | null): Promise<GoalChoice[]> {
  const read = await readOwnGoals(app, personId);
  if (!read.ok) return previousGoalId ? [{ id: previousGoalId, title: 'The goal you chose before' }] : [];
  return choicesOf(feedbackGoalChoices(read.goals, previousGoalId), previousGoalId);
}

/** At most maxGoalChoices, never dropping the goal chosen before. */
export function choicesOf(goals: readonly Goal[], previousGoalId: string | null): GoalChoice[] {
  const shown = goals.slice(0, maxGoalChoices);
  const previous = goals.find((g) => g.id === previousGoalId);
  if (previous && !shown.includes(previous)) shown[shown.length - 1] = previous;
  return shown.map((g) => ({ id: g.id, title: g.title }));
}

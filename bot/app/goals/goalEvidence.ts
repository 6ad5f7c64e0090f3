import { EvidenceLink, Goal, goalLimits, isGoalError, linkEvidence, unlinkEvidence } from '../../domain/goals';
import { GoalStore } from '../../ports/goalStore';
import { Clock } from '../../ports/clock';

export interface GoalEvidenceDependencies {
  goals: GoalStore;
  clock: Clock;
}

/** Labels are shown as they are in the tab; a long offer title must not make the link invalid. */
export function evidenceLabel(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= goalLimits.evidenceLabel ? trimmed : `${trimmed.slice(0, goalLimits.evidenceLabel - 1)}…`;
}

/**
 * Makes a piece of evidence sit on exactly the owner's goals in `goalIds`: linked (once) where it is missing, removed
 * from goals in scope that should no longer have it (so changing an answer moves the link). Only the owner's own goals
 * are read, so an id that is not theirs is ignored. `scope` limits which goals may lose the link (all when absent);
 * `known` saves reading the goals again when the caller just did. Every goal is tried; the first failure is thrown.
 */
export async function placeEvidence(
  deps: GoalEvidenceDependencies,
  input: { ownerId: string; link: EvidenceLink; goalIds: readonly string[]; scope?: readonly string[]; known?: readonly Goal[] },
): Promise<void> {
  const goals = input.known ?? (await deps.goals.listGoals(input.ownerId));
  const inScope = (goal: Goal) => input.goalIds.includes(goal.id) || !input.scope || input.scope.includes(goal.id);
  let failure: unknown;
  for (const goal of goals.filter((g) => g.ownerId === input.ownerId && inScope(g))) {
    try {
      await placeOn(deps, goal, input.link, input.goalIds.includes(goal.id));
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
}

function decide(goal: Goal, link: EvidenceLink, wanted: boolean, now: Date): Goal {
  return wanted ? linkEvidence(goal, link, now) : unlinkEvidence(goal, link, now);
}

/** Someone may be editing the goal in the tab at the same moment: on a version conflict, read it again and retry once. */
async function placeOn(deps: GoalEvidenceDependencies, goal: Goal, link: EvidenceLink, wanted: boolean): Promise<void> {
  const changed = decide(goal, link, wanted, deps.clock.now());
  if (changed === goal) return;
  try {
    await deps.goals.updateGoal(changed, goal.version);
  } catch (error) {
    if (!isGoalError(error) || error.code !== 'goal_conflict') throw error;
    const fresh = await deps.goals.findGoal(goal.ownerId, goal.id);
    if (!fresh) return;
    const again = decide(fresh, link, wanted, deps.clock.now());
    if (again !== fresh) await deps.goals.updateGoal(again, fresh.version);
  }
}

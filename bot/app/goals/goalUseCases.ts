import { addProgress, editGoal, Goal, GoalChanges, GoalDraft, GoalError, linkEvidence, newGoal, EvidenceLink, sortGoals } from '../../domain/goals';
import { GoalDependencies, todayIn } from './goalDependencies';

/** A person's own goals, in review order. */
export async function listMyGoals(deps: GoalDependencies, ownerId: string): Promise<Goal[]> {
  return sortGoals(await deps.goals.listGoals(ownerId));
}

export async function createMyGoal(deps: GoalDependencies, ownerId: string, draft: GoalDraft): Promise<Goal> {
  const goal = newGoal({ id: deps.newId(), ownerId, draft, now: deps.clock.now(), standardAreas: deps.standardAreas });
  return deps.goals.createGoal(goal);
}

/** Loads the person's own goal (another person's is "not found": its existence is not revealed), changes it, saves it. */
async function change(deps: GoalDependencies, ownerId: string, goalId: string, version: string, decide: (goal: Goal) => Goal): Promise<Goal> {
  const goal = await deps.goals.findGoal(ownerId, goalId);
  if (!goal) throw new GoalError('goal_not_found', 'That goal does not exist.');
  if (goal.version !== version) throw new GoalError('goal_conflict', 'This goal was changed somewhere else since you opened it.');
  const changed = decide(goal);
  if (changed === goal) return goal;
  return deps.goals.updateGoal(changed, version);
}

export function editMyGoal(deps: GoalDependencies, input: { ownerId: string; goalId: string; version: string; changes: GoalChanges }): Promise<Goal> {
  return change(deps, input.ownerId, input.goalId, input.version, (goal) => editGoal(goal, input.changes, deps.clock.now(), deps.standardAreas));
}

export function addMyProgress(
  deps: GoalDependencies,
  input: { ownerId: string; goalId: string; version: string; text: string; date?: string; achieved?: boolean },
): Promise<Goal> {
  return change(deps, input.ownerId, input.goalId, input.version, (goal) => {
    const now = deps.clock.now();
    const noted = addProgress(goal, { date: input.date ?? todayIn(deps.timeZone, now), text: input.text }, now);
    return input.achieved ? { ...noted, status: 'achieved' } : noted;
  });
}

export function linkMyEvidence(deps: GoalDependencies, input: { ownerId: string; goalId: string; version: string; link: EvidenceLink }): Promise<Goal> {
  return change(deps, input.ownerId, input.goalId, input.version, (goal) => linkEvidence(goal, input.link, deps.clock.now()));
}

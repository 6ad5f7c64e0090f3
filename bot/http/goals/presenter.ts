import { Goal } from '../../domain/goals';

/** A goal as the tab sees it: no owner id (it is always the caller's), dates as text. */
export function presentGoal(goal: Goal) {
  return {
    id: goal.id,
    title: goal.title,
    successCriteria: goal.successCriteria,
    standardArea: goal.standardArea,
    targetDate: goal.targetDate,
    status: goal.status,
    progressNotes: goal.progressNotes.map((n) => ({ date: n.date, text: n.text })),
    evidence: goal.evidence.map((e) => ({ kind: e.kind, ref: e.ref, label: e.label })),
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
    version: goal.version,
  };
}

export type GoalView = ReturnType<typeof presentGoal>;

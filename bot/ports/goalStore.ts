import { Goal } from '../domain/goals';

/**
 * Where a person's goals are kept: the embedded database (SQLite / PostgreSQL) or a SharePoint list through Microsoft
 * Graph. Every read and write names the owner, so a store never hands one person's goal to another.
 */
export interface GoalStore {
  /** Where the goals live, for the start-up log. */
  describe: string;
  /** All of the person's goals (any order; the app sorts). */
  listGoals(ownerId: string): Promise<Goal[]>;
  /** The goal, or undefined when it does not exist or belongs to someone else. */
  findGoal(ownerId: string, goalId: string): Promise<Goal | undefined>;
  /** Saves a new goal; returns it with the id and version the store gave it. */
  createGoal(goal: Goal): Promise<Goal>;
  /**
   * Replaces the goal if it is still at `expectedVersion`; throws GoalError `goal_conflict` when someone changed it in
   * the meantime and `goal_not_found` when it is gone (or is not the owner's). Returns it with its new version.
   */
  updateGoal(goal: Goal, expectedVersion: string): Promise<Goal>;
}

import { Kysely } from 'kysely';
import { ActivityKind, ClplActivity } from '../../domain/clplRecord';
import { EvidenceLink, Goal, GoalError, GoalStatus, ProgressNote } from '../../domain/goals';
import { ClplActivityStore } from '../../ports/clplActivityStore';
import { GoalStore } from '../../ports/goalStore';
import { ClplActivityRow, GoalRow } from './goalRows';
import { Database } from './schema';

/** Goals in the embedded database; the version is a revision number raised by every update. */
export class SqlGoalStore implements GoalStore {
  readonly describe = 'the app database';

  constructor(private readonly db: Kysely<Database>) {}

  async listGoals(ownerId: string): Promise<Goal[]> {
    const rows = await this.db.selectFrom('goals').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').execute();
    return rows.map(goalFromRow);
  }

  async findGoal(ownerId: string, goalId: string): Promise<Goal | undefined> {
    const row = await this.db.selectFrom('goals').selectAll().where('id', '=', goalId).where('owner_id', '=', ownerId).executeTakeFirst();
    return row && goalFromRow(row);
  }

  async createGoal(goal: Goal): Promise<Goal> {
    const row = goalToRow(goal, 1);
    await this.db.insertInto('goals').values(row).execute();
    return goalFromRow(row);
  }

  async updateGoal(goal: Goal, expectedVersion: string): Promise<Goal> {
    const expected = Number(expectedVersion);
    const row = goalToRow(goal, expected + 1);
    const { id, owner_id, created_at, ...changes } = row;
    const result = Number.isInteger(expected)
      ? await this.db
          .updateTable('goals')
          .set(changes)
          .where('id', '=', id)
          .where('owner_id', '=', owner_id)
          .where('revision', '=', expected)
          .executeTakeFirst()
      : { numUpdatedRows: 0n };
    if (Number(result.numUpdatedRows) === 1) return { ...goalFromRow({ ...row, created_at }) };
    const current = await this.findGoal(goal.ownerId, goal.id);
    if (!current) throw new GoalError('goal_not_found', 'That goal does not exist.');
    throw new GoalError('goal_conflict', 'This goal was changed somewhere else since you opened it.');
  }
}

export class SqlClplActivityStore implements ClplActivityStore {
  constructor(private readonly db: Kysely<Database>) {}

  async addActivity(activity: ClplActivity): Promise<void> {
    await this.db
      .insertInto('clpl_activities')
      .values({
        id: activity.id,
        owner_id: activity.ownerId,
        kind: activity.kind,
        title: activity.title,
        activity_date: activity.date,
        minutes: activity.minutes,
        reflection: activity.reflection,
        goal_id: activity.goalId,
        created_at: activity.createdAt.toISOString(),
      })
      .execute();
  }

  async activitiesOf(ownerId: string, range?: { from: string; to: string }): Promise<ClplActivity[]> {
    let query = this.db.selectFrom('clpl_activities').selectAll().where('owner_id', '=', ownerId);
    if (range) query = query.where('activity_date', '>=', range.from).where('activity_date', '<=', range.to);
    const rows = await query.orderBy('activity_date', 'desc').orderBy('created_at', 'desc').execute();
    return rows.map(activityFromRow);
  }
}

function goalToRow(goal: Goal, revision: number): GoalRow {
  return {
    id: goal.id,
    owner_id: goal.ownerId,
    title: goal.title,
    success_criteria: goal.successCriteria,
    standard_area: goal.standardArea,
    target_date: goal.targetDate,
    status: goal.status,
    progress_notes: JSON.stringify(goal.progressNotes),
    evidence: JSON.stringify(goal.evidence),
    created_at: goal.createdAt.toISOString(),
    updated_at: goal.updatedAt.toISOString(),
    revision,
  };
}

export function goalFromRow(row: GoalRow): Goal {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    successCriteria: row.success_criteria,
    standardArea: row.standard_area,
    targetDate: row.target_date,
    status: row.status as GoalStatus,
    progressNotes: JSON.parse(row.progress_notes) as ProgressNote[],
    evidence: JSON.parse(row.evidence) as EvidenceLink[],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: String(Number(row.revision)),
  };
}

export function activityFromRow(row: ClplActivityRow): ClplActivity {
  return {
    id: row.id,
    ownerId: row.owner_id,
    kind: row.kind as ActivityKind,
    title: row.title,
    date: row.activity_date,
    minutes: Number(row.minutes),
    reflection: row.reflection,
    goalId: row.goal_id,
    createdAt: new Date(row.created_at),
  };
}

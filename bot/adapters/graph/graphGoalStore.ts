import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { EvidenceLink, Goal, GoalError, GoalStatus, goalStatuses, ProgressNote } from '../../domain/goals';
import { GoalStore } from '../../ports/goalStore';
import { ExternalGoalEraser } from '../../ports/personalData';
import { relativeNextLink } from './graphClient';

/**
 * The SharePoint list's columns (internal names). `OwnerId` must be indexed: every read filters on it, and SharePoint
 * refuses filters on non-indexed columns of lists over 5,000 items. scripts/createGoalsList.ts creates the list.
 */
export const goalListColumns = ['Title', 'OwnerId', 'SuccessCriteria', 'StandardArea', 'TargetDate', 'GoalStatus', 'ProgressNotes', 'EvidenceLinks'] as const;

const statusLabels: Record<GoalStatus, string> = { proposed: 'Proposed', not_started: 'Not started', in_progress: 'In progress', achieved: 'Achieved' };

interface ListItem {
  id: string;
  eTag?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  fields?: Record<string, unknown> & { '@odata.etag'?: string };
}

export interface GraphGoalStoreOptions {
  client: Client;
  siteId: string;
  listId: string;
  /** For following @odata.nextLink (see relativeNextLink). */
  baseUrl: string;
  /** Page size asked for: one request brings back up to this many of a person's goals. */
  pageSize?: number;
}

/**
 * Goals as items of a SharePoint list, reached with the app's own identity (Sites.Selected on one site). The server
 * decides who sees what: every read filters on the owner and every single-item read checks the owner again.
 */
export class GraphGoalStore implements GoalStore, ExternalGoalEraser {
  readonly describe: string;
  private readonly items: string;
  private readonly select = `fields($select=${goalListColumns.join(',')})`;

  constructor(private readonly options: GraphGoalStoreOptions) {
    this.items = `/sites/${encodeURIComponent(options.siteId)}/lists/${encodeURIComponent(options.listId)}/items`;
    this.describe = `SharePoint list ${options.listId} through Microsoft Graph`;
  }

  async listGoals(ownerId: string): Promise<Goal[]> {
    const goals: Goal[] = [];
    let page: { value: ListItem[]; '@odata.nextLink'?: string } = await this.call(() =>
      this.options.client
        .api(this.items)
        .select(['id', 'eTag', 'createdDateTime', 'lastModifiedDateTime'])
        .expand(this.select)
        .filter(`fields/OwnerId eq '${ownerId.replace(/'/g, "''")}'`)
        .top(this.options.pageSize ?? 500)
        .get(),
    );
    for (;;) {
      for (const item of page.value) {
        const goal = goalFromItem(item);
        if (goal && goal.ownerId === ownerId) goals.push(goal);
      }
      const next = page['@odata.nextLink'];
      if (!next) return goals;
      page = await this.call(() => this.options.client.api(relativeNextLink(next, this.options.baseUrl)).get());
    }
  }

  async findGoal(ownerId: string, goalId: string): Promise<Goal | undefined> {
    if (!/^\d{1,12}$/.test(goalId)) return undefined;
    try {
      const item: ListItem = await this.call(() =>
        this.options.client.api(`${this.items}/${goalId}`).select(['id', 'eTag', 'createdDateTime', 'lastModifiedDateTime']).expand(this.select).get(),
      );
      const goal = goalFromItem(item);
      return goal && goal.ownerId === ownerId ? goal : undefined;
    } catch (error) {
      if (error instanceof GoalError && error.code === 'goal_not_found') return undefined;
      throw error;
    }
  }

  async createGoal(goal: Goal): Promise<Goal> {
    const item: ListItem = await this.call(() => this.options.client.api(this.items).post({ fields: fieldsOf(goal) }));
    return { ...goal, id: String(item.id), version: item.eTag ?? item.fields?.['@odata.etag'] ?? '' };
  }

  async updateGoal(goal: Goal, expectedVersion: string): Promise<Goal> {
    if (!/^\d{1,12}$/.test(goal.id)) throw new GoalError('goal_not_found', 'That goal does not exist.');
    const { OwnerId: _owner, ...fields } = fieldsOf(goal);
    const updated: ListItem['fields'] = await this.call(() =>
      this.options.client.api(`${this.items}/${goal.id}/fields`).header('If-Match', expectedVersion).patch(fields),
    );
    return { ...goal, version: updated?.['@odata.etag'] ?? expectedVersion };
  }

  /**
   * Erasure: deletes every item the person owns, one DELETE each (404 is a goal already gone). Run again after a
   * failure, it deletes what is left, so the caller can retry until it succeeds.
   */
  async deleteGoalsOf(ownerId: string): Promise<number> {
    const goals = await this.listGoals(ownerId);
    for (const goal of goals) {
      try {
        await this.call(() => this.options.client.api(`${this.items}/${goal.id}`).delete());
      } catch (error) {
        if (!(error instanceof GoalError && error.code === 'goal_not_found')) throw error;
      }
    }
    return goals.length;
  }

  /** Graph's errors in the goal store's terms: 412 is someone else's edit, 404 a goal that is gone. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof GraphError) {
        if (error.statusCode === 412) throw new GoalError('goal_conflict', 'This goal was changed somewhere else since you opened it.');
        if (error.statusCode === 404) throw new GoalError('goal_not_found', 'That goal does not exist.');
        throw new GoalStoreUnavailable(`Microsoft Graph answered ${error.statusCode} (${error.code ?? 'no code'})`);
      }
      throw error;
    }
  }
}

export function isExternalGoalEraser(store: GoalStore): store is GoalStore & ExternalGoalEraser {
  return typeof (store as Partial<ExternalGoalEraser>).deleteGoalsOf === 'function';
}

/** Goal storage cannot be reached (Graph down, throttled past the retries, permission missing). */
export class GoalStoreUnavailable extends Error {
  readonly code = 'goal_store_unavailable';
  constructor(message: string) {
    super(message);
    this.name = 'GoalStoreUnavailable';
  }
}

function fieldsOf(goal: Goal): Record<string, unknown> {
  return {
    Title: goal.title,
    OwnerId: goal.ownerId,
    SuccessCriteria: goal.successCriteria,
    StandardArea: goal.standardArea,
    // A date-only column: written as midnight UTC, read back as the nearest UTC midnight (SharePoint shifts date-only
    // values by the site's time zone, which is always within 12 hours).
    TargetDate: goal.targetDate ? `${goal.targetDate}T00:00:00Z` : null,
    GoalStatus: statusLabels[goal.status],
    ProgressNotes: JSON.stringify(goal.progressNotes),
    EvidenceLinks: JSON.stringify(goal.evidence),
  };
}

function goalFromItem(item: ListItem): Goal | undefined {
  const f = item.fields;
  if (!f || typeof f.OwnerId !== 'string') return undefined;
  const status = (Object.keys(statusLabels) as GoalStatus[]).find((s) => statusLabels[s] === f.GoalStatus || s === f.GoalStatus);
  return {
    id: String(item.id),
    ownerId: f.OwnerId,
    title: String(f.Title ?? ''),
    successCriteria: String(f.SuccessCriteria ?? ''),
    standardArea: String(f.StandardArea ?? ''),
    targetDate: typeof f.TargetDate === 'string' && f.TargetDate ? nearestUtcDate(f.TargetDate) : null,
    status: status && goalStatuses.includes(status) ? status : 'not_started',
    progressNotes: parseJsonArray<ProgressNote>(f.ProgressNotes),
    evidence: parseJsonArray<EvidenceLink>(f.EvidenceLinks),
    createdAt: new Date(item.createdDateTime ?? 0),
    updatedAt: new Date(item.lastModifiedDateTime ?? item.createdDateTime ?? 0),
    version: item.eTag ?? f['@odata.etag'] ?? '',
  };
}

function nearestUtcDate(value: string): string | null {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const day = 24 * 60 * 60 * 1000;
  return new Date(Math.round(time / day) * day).toISOString().slice(0, 10);
}

function parseJsonArray<T>(value: unknown): T[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}

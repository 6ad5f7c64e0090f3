import { createGraphClient, relativeNextLink } from '../../../bot/adapters/graph/graphClient';
import { GoalStoreUnavailable, GraphGoalStore } from '../../../bot/adapters/graph/graphGoalStore';
import { GraphStandIn } from '../../support/graphStandIn';
import { goalFor } from '../sql/goalStoreContract';

describe('Graph goal store (SharePoint list items) against a loopback Graph stand-in', () => {
  let graph: GraphStandIn;
  let store: GraphGoalStore;

  beforeEach(async () => {
    graph = await new GraphStandIn().start();
    const client = createGraphClient({ baseUrl: graph.url, getToken: async () => graph.token, retryDelaySeconds: 0.05, maxRetries: 3 });
    store = new GraphGoalStore({ client, siteId: graph.siteId, listId: graph.listId, baseUrl: graph.url });
  });
  afterEach(() => graph.stop());

  it('creates a goal as a list item with the owner in the indexed OwnerId column, and reads it back', async () => {
    const created = await store.createGoal(goalFor('ailsa', 'ignored'));
    expect(created.id).toMatch(/^\d+$/);
    expect(created.version).toMatch(/,1"$/);
    const post = graph.calls.find((c) => c.method === 'POST')!;
    expect(post.headers.authorization).toBe('Bearer graph-app-token');
    expect(post.body).toMatchObject({ fields: { Title: 'Use questioning to deepen thinking', OwnerId: 'ailsa', GoalStatus: 'Not started', TargetDate: '2027-06-30T00:00:00Z' } });
    expect(await store.findGoal('ailsa', created.id)).toMatchObject({ id: created.id, ownerId: 'ailsa', targetDate: '2027-06-30', status: 'not_started', version: created.version });
  });

  it('lists a person\'s goals with one filtered request for up to 200 goals, never another person\'s', async () => {
    for (let i = 0; i < 200; i++) graph.seed({ Title: `Goal ${i}`, OwnerId: 'ailsa', StandardArea: 'x', GoalStatus: 'In progress', TargetDate: '2027-03-31T23:00:00Z' });
    graph.seed({ Title: "Callum's", OwnerId: 'callum', StandardArea: 'x', GoalStatus: 'Achieved' });
    graph.calls.length = 0;
    const goals = await store.listGoals('ailsa');
    expect(goals).toHaveLength(200);
    expect(goals.every((g) => g.ownerId === 'ailsa' && g.status === 'in_progress')).toBe(true);
    // A date-only value shifted by the site's time zone (BST midnight = 23:00Z the day before) reads as the right day.
    expect(goals[0]!.targetDate).toBe('2027-04-01');
    expect(graph.calls).toHaveLength(1);
    expect(graph.calls[0]!.query.get('$filter')).toBe("fields/OwnerId eq 'ailsa'");
    expect(graph.calls[0]!.query.get('$expand')).toMatch(/^fields\(\$select=Title,OwnerId,/);
  });

  it('erasure deletes every item the person owns and no one else\'s; after Graph fails, running it again finishes', async () => {
    for (let i = 0; i < 3; i++) graph.seed({ Title: `Goal ${i}`, OwnerId: 'ailsa', GoalStatus: 'In progress' });
    graph.seed({ Title: "Callum's", OwnerId: 'callum', GoalStatus: 'Achieved' });
    graph.calls.length = 0;
    expect(await store.deleteGoalsOf('ailsa')).toBe(3);
    expect([...graph.items.values()].map((i) => i.fields.OwnerId)).toEqual(['callum']);
    expect(graph.calls.filter((c) => c.method === 'DELETE')).toHaveLength(3);

    graph.seed({ Title: 'Another', OwnerId: 'ailsa', GoalStatus: 'In progress' });
    // Down past the client's retries: reported, and the goal is still there to delete next time.
    for (let i = 0; i < 4; i++) graph.faults.push({ status: 503 });
    await expect(store.deleteGoalsOf('ailsa')).rejects.toBeInstanceOf(GoalStoreUnavailable);
    expect([...graph.items.values()].map((i) => i.fields.OwnerId).sort()).toEqual(['ailsa', 'callum']);
    expect(await store.deleteGoalsOf('ailsa')).toBe(1);
    expect([...graph.items.values()].map((i) => i.fields.OwnerId)).toEqual(['callum']);
  });

  it('follows @odata.nextLink across pages', async () => {
    graph.maxPageSize = 2;
    for (let i = 0; i < 5; i++) graph.seed({ Title: `Goal ${i}`, OwnerId: "o'brien", GoalStatus: 'Not started' });
    const goals = await store.listGoals("o'brien");
    expect(goals.map((g) => g.title)).toEqual(['Goal 0', 'Goal 1', 'Goal 2', 'Goal 3', 'Goal 4']);
    expect(graph.calls).toHaveLength(3);
    expect(graph.calls[0]!.query.get('$filter')).toBe("fields/OwnerId eq 'o''brien'");
    expect(graph.calls.slice(1).every((c) => c.query.get('$skiptoken') !== null && c.headers.authorization === 'Bearer graph-app-token')).toBe(true);
  });

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    graph.seed({ Title: 'One', OwnerId: 'ailsa', GoalStatus: 'Not started' });
    graph.faults.push({ status: 429, retryAfter: 1 });
    const started = Date.now();
    const goals = await store.listGoals('ailsa');
    expect(goals).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(graph.calls).toHaveLength(2);
  });

  it('retries a 503 and reports Graph as unavailable once the retries are spent', async () => {
    graph.faults.push({ status: 503, retryAfter: 0 });
    expect(await store.listGoals('ailsa')).toEqual([]);
    const impatient = new GraphGoalStore({
      client: createGraphClient({ baseUrl: graph.url, getToken: async () => graph.token, retryDelaySeconds: 0.05, maxRetries: 1 }),
      siteId: graph.siteId,
      listId: graph.listId,
      baseUrl: graph.url,
    });
    graph.faults.push({ status: 503, retryAfter: 0 }, { status: 503, retryAfter: 0 });
    await expect(impatient.listGoals('ailsa')).rejects.toBeInstanceOf(GoalStoreUnavailable);
  });

  it('updates with If-Match on the eTag; a stale eTag (412) is a conflict', async () => {
    const created = await store.createGoal(goalFor('ailsa', 'x'));
    const first = await store.updateGoal({ ...created, status: 'in_progress', progressNotes: [{ date: '2026-11-21', text: 'Tried it' }] }, created.version);
    expect(first.version).not.toBe(created.version);
    const patch = graph.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).toMatch(/\/items\/\d+\/fields$/);
    expect(patch.headers['if-match']).toBe(created.version);
    expect(patch.body).not.toHaveProperty('OwnerId');
    await expect(store.updateGoal({ ...created, title: 'Stale' }, created.version)).rejects.toMatchObject({ code: 'goal_conflict' });
    expect(await store.findGoal('ailsa', created.id)).toMatchObject({ status: 'in_progress', progressNotes: [{ date: '2026-11-21', text: 'Tried it' }] });
  });

  it('does not hand one person\'s goal to another, nor treat odd ids as paths', async () => {
    const created = await store.createGoal(goalFor('ailsa', 'x'));
    expect(await store.findGoal('callum', created.id)).toBeUndefined();
    expect(await store.findGoal('ailsa', '../../drives')).toBeUndefined();
    expect(await store.findGoal('ailsa', '999')).toBeUndefined();
  });

  it('refuses a next page link that points anywhere but the configured Graph', () => {
    expect(relativeNextLink('https://graph.microsoft.com/v1.0/sites/a/lists/b/items?$skiptoken=x', 'https://graph.microsoft.com')).toBe('sites/a/lists/b/items?$skiptoken=x');
    expect(() => relativeNextLink('https://evil.example/v1.0/sites', 'https://graph.microsoft.com')).toThrow(/outside/);
  });
});

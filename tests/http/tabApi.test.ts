import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraphClient } from '../../bot/adapters/graph/graphClient';
import { GraphGoalStore } from '../../bot/adapters/graph/graphGoalStore';
import { gtcsStandardAreas } from '../../bot/domain/tags';
import { RunningServer } from '../../bot/server';
import { EntraStandIn } from '../support/entraStandIn';
import { GraphStandIn } from '../support/graphStandIn';
import { startTabServer, tabApi } from './tabServer';

const goalBody = { title: 'Deepen questioning', successCriteria: 'Pupils explain their reasoning', standardArea: gtcsStandardAreas[2], targetDate: '2027-06-30' };

describe.each(['local database', 'SharePoint list through Graph'])('tab API through the real server, goals in the %s', (where) => {
  let entra: EntraStandIn;
  let graph: GraphStandIn | null = null;
  let server: RunningServer;
  let ailsa: ReturnType<typeof tabApi>;
  let callum: ReturnType<typeof tabApi>;

  beforeAll(async () => {
    entra = await new EntraStandIn().start();
    let goals;
    if (where.startsWith('SharePoint')) {
      graph = await new GraphStandIn().start();
      const client = createGraphClient({ baseUrl: graph.url, getToken: async () => graph!.token });
      goals = new GraphGoalStore({ client, siteId: graph.siteId, listId: graph.listId, baseUrl: graph.url });
    }
    server = await startTabServer(entra.env(), goals);
    ailsa = tabApi(server.url, { Authorization: `Bearer ${await entra.token({ oid: 'ailsa-oid', name: 'Ailsa Brown' })}` });
    callum = tabApi(server.url, { Authorization: `Bearer ${await entra.token({ oid: 'callum-oid', name: 'Callum Reid' })}` });
  });
  afterAll(async () => {
    await server.close();
    await entra.stop();
    await graph?.stop();
  });

  it('identifies the caller from the SSO token and refuses calls without one (401)', async () => {
    expect((await ailsa.get('/api/tab/me')).body).toMatchObject({ person: { id: 'ailsa-oid', name: 'Ailsa Brown' }, standardAreas: gtcsStandardAreas });
    const anonymous = tabApi(server.url, {});
    expect((await anonymous.get('/api/tab/goals')).status).toBe(401);
    const expired = tabApi(server.url, { Authorization: `Bearer ${await entra.token({ oid: 'x', name: 'x' }, {}, { expiresInSeconds: -600 })}` });
    expect(await expired.get('/api/tab/goals')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
  });

  it('adds a goal, lists it, records progress, marks it achieved', async () => {
    const created = await ailsa.post('/api/tab/goals', goalBody);
    expect(created.status).toBe(201);
    expect(created.body.goal).toMatchObject({ ...goalBody, status: 'not_started', progressNotes: [] });
    expect(created.body.goal).not.toHaveProperty('ownerId');
    const { id, version } = created.body.goal;

    const progressed = await ailsa.post(`/api/tab/goals/${id}/progress`, { version, text: 'Tried wait time with S2', date: '2026-11-20' });
    expect(progressed.status).toBe(200);
    expect(progressed.body.goal).toMatchObject({ status: 'in_progress', progressNotes: [{ date: '2026-11-20', text: 'Tried wait time with S2' }] });

    const achieved = await ailsa.patch(`/api/tab/goals/${id}`, { version: progressed.body.goal.version, status: 'achieved' });
    expect(achieved.body.goal.status).toBe('achieved');

    const listed = await ailsa.get('/api/tab/goals');
    expect(listed.body.goals.map((g: { id: string }) => g.id)).toContain(id);
  });

  it('another person neither sees nor changes the goal (404), whatever they send', async () => {
    const { id, version } = (await ailsa.post('/api/tab/goals', goalBody)).body.goal;
    expect((await callum.get('/api/tab/goals')).body.goals).toEqual([]);
    expect(await callum.patch(`/api/tab/goals/${id}`, { version, title: 'Mine now' })).toMatchObject({ status: 404, body: { error: { code: 'goal_not_found' } } });
    expect((await callum.post(`/api/tab/goals/${id}/progress`, { version, text: 'x' })).status).toBe(404);
    expect((await callum.post('/api/tab/goals', { ...goalBody, ownerId: 'ailsa-oid' })).status).toBe(400);
    expect((await ailsa.get('/api/tab/goals')).body.goals.find((g: { id: string }) => g.id === id).title).toBe(goalBody.title);
  });

  it('validation errors are 400 with a message for each field', async () => {
    const empty = await ailsa.post('/api/tab/goals', { title: '   ', standardArea: 'Being nice', targetDate: '30/06/2027' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'invalid_request', fields: { title: 'Give the goal a title.', targetDate: 'Use a date (YYYY-MM-DD).' } });
    const badArea = await ailsa.post('/api/tab/goals', { ...goalBody, standardArea: 'Being nice' });
    expect(badArea.body.error).toMatchObject({ code: 'invalid_goal', fields: { standardArea: 'Choose one of the GTCS Professional Standards areas.' } });
    const { id, version } = (await ailsa.post('/api/tab/goals', goalBody)).body.goal;
    expect((await ailsa.patch(`/api/tab/goals/${id}`, { status: 'done' })).body.error.fields).toMatchObject({ version: 'version is required.', status: expect.any(String) });
    expect((await ailsa.post(`/api/tab/goals/${id}/progress`, { version, text: '' })).body.error.fields).toEqual({ text: 'Write a short note on your progress.' });
  });

  it('a stale version is a conflict (409) the person is told about', async () => {
    const { id, version } = (await ailsa.post('/api/tab/goals', goalBody)).body.goal;
    expect((await ailsa.patch(`/api/tab/goals/${id}`, { version, title: 'First' })).status).toBe(200);
    const stale = await ailsa.patch(`/api/tab/goals/${id}`, { version, title: 'Second' });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'goal_conflict', message: expect.stringContaining('Reload') } } });
  });

  it('logs other CLPL: it counts toward the year\'s hours and is linked to a goal as evidence', async () => {
    const { id } = (await ailsa.post('/api/tab/goals', goalBody)).body.goal;
    const today = new Date().toISOString().slice(0, 10);
    const logged = await ailsa.post('/api/tab/clpl/activities', { kind: 'professional_reading', title: 'Hattie, Visible Learning ch. 3', date: today, hours: 1.5, reflection: 'Wait time matters', goalId: id });
    expect(logged.status).toBe(201);
    expect(logged.body.goal.evidence).toEqual([{ kind: 'activity', ref: logged.body.activity.id, label: 'Professional reading: Hattie, Visible Learning ch. 3' }]);
    const record = await ailsa.get('/api/tab/clpl');
    expect(record.body.hours).toMatchObject({ targetHours: 35, loggedHours: 1.5, totalHours: 1.5 });
    expect(record.body.activities[0]).toMatchObject({ kind: 'professional_reading', hours: 1.5 });
    expect((await callum.get('/api/tab/clpl')).body.activities).toEqual([]);
    expect((await callum.post('/api/tab/clpl/activities', { kind: 'professional_reading', title: 'x', date: today, hours: 1, goalId: id })).status).toBe(404);
    expect((await ailsa.post('/api/tab/clpl/activities', { kind: 'gardening', title: '', date: today, hours: -1 })).body.error.fields).toMatchObject({
      kind: 'Choose what kind of CLPL it was.',
      title: 'Say what it was.',
      hours: 'Hours must be more than 0.',
    });
  });
});

describe('tab API identities and static files', () => {
  let server: RunningServer;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'clpl-tab-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>CLPL</title>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    server = await startTabServer({ TAB_DIST_DIR: dist });
  });
  afterAll(() => server.close());

  it('local mode: development identities from the staff directory and demo staff, accepted from loopback', async () => {
    expect((await tabApi(server.url, {}).get('/api/tab/session')).body).toEqual({ localMode: true, sso: false });
    const people = (await tabApi(server.url, {}).get('/api/tab/dev-people')).body.people;
    expect(people.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['demo-ailsa', 'demo-callum']));
    expect((await tabApi(server.url, { 'X-CLPL-Dev-User': 'demo-ailsa' }).get('/api/tab/me')).body.person).toEqual({ id: 'demo-ailsa', name: 'Ailsa Brown (demo)' });
    expect((await tabApi(server.url, { 'X-CLPL-Dev-User': 'someone-else' }).get('/api/tab/me')).status).toBe(401);
    // SSO is not configured here, so a bearer token is refused rather than trusted.
    expect((await tabApi(server.url, { Authorization: 'Bearer abc' }).get('/api/tab/me')).status).toBe(401);
  });

  it('serves the built tab under /tab, caching hashed assets, and nothing outside its folder', async () => {
    const index = await fetch(`${server.url}/tab/index.html`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toMatch(/frame-ancestors .*teams\.microsoft\.com/);
    const asset = await fetch(`${server.url}/tab/assets/app-abc123.js`);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${server.url}/tab/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/tab/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/tab`, { redirect: 'manual' })).headers.get('location')).toBe('/tab/index.html');
  });
});

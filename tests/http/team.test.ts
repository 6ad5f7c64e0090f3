import { devUserHeader } from '../../bot/http/auth/identify';
import { gtcsStandardAreas } from '../../bot/domain/tags';
import { Person } from '../../bot/domain/person';
import { RunningServer } from '../../bot/server';
import { schoolId, sltMember } from '../factories';
import { ailsa, callum, dana, seedSchoolWithSessions } from './tabSeed';
import { startTabServer, tabApi } from './tabServer';

const goalBody = { title: 'Deepen questioning', successCriteria: 'Pupils explain their reasoning', standardArea: gtcsStandardAreas[2], targetDate: '2027-06-30' };

describe("A line manager's read-only view of their direct reports through the real server", () => {
  let server: RunningServer;
  const as = (person: Person) => tabApi(server.url, { [devUserHeader]: person.id });

  beforeAll(async () => {
    server = await startTabServer({ CLPL_SLT_IDS: sltMember.id });
    await seedSchoolWithSessions(server);
    // Callum line-manages Ailsa, through the app's own map (no Graph in local mode).
    await server.stores.reflections.setLineManager(schoolId, ailsa.id, callum.id);
    expect((await as(ailsa).post('/api/tab/goals', goalBody)).status).toBe(201);
  });
  afterAll(() => server.close());

  it('lists the manager’s direct reports', async () => {
    expect(await as(callum).get('/api/tab/team')).toMatchObject({ status: 200, body: { reports: [{ id: ailsa.id, name: ailsa.name }] } });
  });

  it('a person with no direct reports gets an empty list', async () => {
    expect(await as(dana).get('/api/tab/team')).toMatchObject({ status: 200, body: { reports: [] } });
    expect((await as(ailsa).get('/api/tab/team')).body.reports).toEqual([]);
  });

  it("the manager sees the report's goals and hours, read-only", async () => {
    const res = await as(callum).get(`/api/tab/team/${ailsa.id}`);
    expect(res.status).toBe(200);
    expect(res.body.person).toEqual({ id: ailsa.id, name: ailsa.name });
    expect(res.body.goals).toEqual([expect.objectContaining({ title: 'Deepen questioning', status: 'not_started' })]);
    expect(res.body.goals[0].version).toBeUndefined();
    expect(res.body.record.hours).toMatchObject({ attendedHours: 3.5, totalHours: 3.5 });
    expect(res.body.record.attended.map((s: { title: string }) => s.title)).toEqual(['Hinge questions', 'Retrieval practice']);
    expect(res.body.record.calendarFeedUrl).toBeUndefined();
  });

  it("the manager sees the report's upcoming sessions and those awaiting feedback, without the report's own links", async () => {
    const { record } = (await as(callum).get(`/api/tab/team/${ailsa.id}`)).body;
    expect(record.upcoming).toEqual([expect.objectContaining({ title: 'Outdoor learning', standing: 'confirmed' })]);
    expect(record.upcoming[0]).not.toHaveProperty('calendarUrl');
    expect(record.upcoming[0]).not.toHaveProperty('onlineLink');
    expect(record.awaitingFeedback).toEqual([expect.objectContaining({ title: 'Hinge questions', closesAt: expect.any(String) })]);
  });

  it('a colleague who is not their manager gets 404, and nothing of the report', async () => {
    for (const colleague of [dana, ailsa]) {
      const res = await as(colleague).get(`/api/tab/team/${colleague === ailsa ? callum.id : ailsa.id}`);
      expect(res).toMatchObject({ status: 404, body: { error: { code: 'report_not_found' } } });
      expect(JSON.stringify(res.body)).not.toMatch(/Deepen|Ailsa|Callum/);
    }
    expect((await as(callum).get('/api/tab/team/nobody')).status).toBe(404);
    expect((await as(callum).get(`/api/tab/team/${callum.id}`)).status).toBe(404);
  });

  it('the view cannot change anything and needs an identity', async () => {
    expect((await as(callum).post(`/api/tab/team/${ailsa.id}`, goalBody)).status).toBeGreaterThanOrEqual(404);
    expect((await tabApi(server.url, {}).get('/api/tab/team')).status).toBe(401);
  });

  it('SLT may view a member of their school', async () => {
    expect((await as(sltMember).get(`/api/tab/team/${ailsa.id}`)).status).toBe(200);
  });
});

describe('local mode with no SLT configured: everyone may lead offers, but only line managers see a colleague’s record', () => {
  let server: RunningServer;
  const as = (person: Person) => tabApi(server.url, { [devUserHeader]: person.id });

  beforeAll(async () => {
    server = await startTabServer();
    await seedSchoolWithSessions(server);
    await server.stores.reflections.setLineManager(schoolId, ailsa.id, callum.id);
  });
  afterAll(() => server.close());

  it('a non-manager is refused a colleague’s record (404, as if they did not exist) although local mode treats them as SLT', async () => {
    expect((await as(dana).get('/api/tab/me')).body.isSlt).toBe(true);
    for (const [viewer, colleague] of [[dana, ailsa], [ailsa, callum], [dana, callum]] as const) {
      const res = await as(viewer).get(`/api/tab/team/${colleague.id}`);
      expect(res).toMatchObject({ status: 404, body: { error: { code: 'report_not_found' } } });
      expect(JSON.stringify(res.body)).not.toContain(colleague.name);
    }
  });

  it('the line manager still sees their direct report', async () => {
    expect((await as(callum).get('/api/tab/team')).body.reports).toEqual([{ id: ailsa.id, name: ailsa.name }]);
    expect((await as(callum).get(`/api/tab/team/${ailsa.id}`)).status).toBe(200);
  });
});

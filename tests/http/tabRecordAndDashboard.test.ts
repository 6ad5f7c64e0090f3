import { devUserHeader } from '../../bot/http/auth/identify';
import { gtcsStandardAreas } from '../../bot/domain/tags';
import { Person } from '../../bot/domain/person';
import { RunningServer } from '../../bot/server';
import { sltMember } from '../factories';
import { ailsa, callum, dana, seedSchoolWithSessions } from './tabSeed';
import { startTabServer, tabApi } from './tabServer';

const goalBody = { title: 'Deepen questioning', successCriteria: 'Pupils explain their reasoning', standardArea: gtcsStandardAreas[2], targetDate: '2027-06-30' };

describe('My CLPL, goal evidence and the SLT dashboard through the real server', () => {
  let server: RunningServer;
  let offers: Awaited<ReturnType<typeof seedSchoolWithSessions>>;
  const as = (person: Person) => tabApi(server.url, { [devUserHeader]: person.id });

  beforeAll(async () => {
    server = await startTabServer({ CLPL_SLT_IDS: sltMember.id, CLPL_YEARLY_HOURS: '30', CLPL_MIN_RESPONSES_TO_SHOW: '2' });
    offers = await seedSchoolWithSessions(server);
  });
  afterAll(() => server.close());

  it('My CLPL counts attended hours against the configured yearly target and lists sessions awaiting feedback', async () => {
    const record = (await as(ailsa).get('/api/tab/clpl')).body;
    expect(record.hours).toMatchObject({ targetHours: 30, attendedHours: 3.5, totalHours: 3.5 });
    expect(record.attended.map((s: { title: string }) => s.title)).toEqual(['Hinge questions', 'Retrieval practice']);
    expect(record.attended[0]).toMatchObject({ offerId: offers.recent.id, hours: 1.5 });
    expect(record.awaitingFeedback).toEqual([expect.objectContaining({ offerId: offers.recent.id, title: 'Hinge questions', closesAt: expect.any(String) })]);
    expect((await as(callum).get('/api/tab/clpl')).body.awaitingFeedback).toEqual([]);
  });

  it("another person's attendance and sessions never appear in someone's record", async () => {
    const dana_ = (await as(dana).get('/api/tab/clpl')).body;
    expect(dana_.attended).toEqual([]);
    expect(dana_.hours.attendedHours).toBe(0);
    expect(dana_.awaitingFeedback).toEqual([]);
    expect(JSON.stringify(dana_)).not.toMatch(/Ailsa|Callum/);
  });

  it('upcoming sessions carry calendar links: the personal feed and the session as an .ics file', async () => {
    const record = (await as(ailsa).get('/api/tab/clpl')).body;
    expect(record.calendarFeedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\/clpl\.ics$/);
    const session = record.upcoming.find((s: { offerId: string }) => s.offerId === offers.upcoming.id);
    expect(session.standing).toBe('confirmed');
    const ics = await fetch(session.calendarUrl);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('Outdoor learning');
    const callumsFeed = (await as(callum).get('/api/tab/clpl')).body.calendarFeedUrl;
    expect(callumsFeed).not.toBe(record.calendarFeedUrl);
  });

  it('tells the tab who is SLT; the dashboard is for SLT only (403 for staff, 401 without an identity)', async () => {
    expect((await as(sltMember).get('/api/tab/me')).body.isSlt).toBe(true);
    expect((await as(ailsa).get('/api/tab/me')).body.isSlt).toBe(false);
    expect(await as(ailsa).get('/api/tab/dashboard')).toMatchObject({ status: 403, body: { error: { code: 'not_slt' } } });
    expect((await tabApi(server.url, {}).get('/api/tab/dashboard')).status).toBe(401);
  });

  it('the dashboard shows sign-ups, attendance and impact per offer, withholding answers below the minimum responses', async () => {
    const dashboard = (await as(sltMember).get('/api/tab/dashboard')).body;
    expect(dashboard.school.name).toBe('Balerno High School');
    const byId = (id: string) => dashboard.offers.find((o: { offerId: string }) => o.offerId === id);
    expect(byId(offers.upcoming.id)).toMatchObject({ confirmed: 1, waitlisted: 1, impact: null, csvPath: null });
    expect(byId(offers.recent.id)).toMatchObject({
      confirmed: 3,
      waitlisted: 1,
      impact: { attended: 2, responses: 1, responseRate: 0.5, minResponses: 2, breakdown: null },
      csvPath: `/api/reports/offers/${offers.recent.id}.csv`,
    });
    expect(byId(offers.yesterday.id).impact).toMatchObject({ attended: 2, responses: 2, breakdown: { value: { mean: 4, n: 2 }, change: { knowledge: { mean: 2, n: 2 } } } });
    expect(JSON.stringify(dashboard)).not.toContain('hinge questions');
    expect(dashboard.periods[0]).toMatchObject({ csvPath: '/api/reports/periods/0.csv' });
    const csv = await fetch(`${server.url}${byId(offers.recent.id).csvPath}`, { headers: { [devUserHeader]: sltMember.id } });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('too few responses to show');
  });

  it('adds an https link or an attended session to a goal as evidence', async () => {
    const { id, version } = (await as(ailsa).post('/api/tab/goals', goalBody)).body.goal;
    const linked = await as(ailsa).post(`/api/tab/goals/${id}/evidence`, { version, kind: 'link', ref: 'https://sway.office.com/abc', label: 'My enquiry write-up' });
    expect(linked.status).toBe(200);
    const withSession = await as(ailsa).post(`/api/tab/goals/${id}/evidence`, { version: linked.body.goal.version, kind: 'session', ref: offers.recent.id });
    expect(withSession.body.goal.evidence).toEqual([
      { kind: 'link', ref: 'https://sway.office.com/abc', label: 'My enquiry write-up' },
      { kind: 'session', ref: offers.recent.id, label: expect.stringContaining('Hinge questions') },
    ]);
    expect((await as(ailsa).post(`/api/tab/goals/${id}/evidence`, { version, kind: 'link', ref: 'https://x.test', label: 'stale' })).status).toBe(409);
  });

  it('evidence: invalid bodies are 400, a session not attended is refused, and another person cannot touch the goal', async () => {
    const { id, version } = (await as(ailsa).post('/api/tab/goals', goalBody)).body.goal;
    const bad = await as(ailsa).post(`/api/tab/goals/${id}/evidence`, { version, kind: 'link', ref: 'http://insecure.test', label: ' ' });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_request', fields: { ref: 'Use an https:// address.', label: 'Give the link a short label.' } } } });
    expect((await as(ailsa).post(`/api/tab/goals/${id}/evidence`, { version, kind: 'file', ref: 'x' })).status).toBe(400);
    expect((await as(ailsa).post(`/api/tab/goals/${id}/evidence`, { version, kind: 'session', ref: offers.upcoming.id })).body.error).toMatchObject({ code: 'invalid_goal', fields: { ref: expect.any(String) } });
    expect((await as(dana).post(`/api/tab/goals/${id}/evidence`, { version, kind: 'link', ref: 'https://x.test', label: 'Mine' })).status).toBe(404);
    expect((await as(ailsa).get('/api/tab/goals')).body.goals.find((g: { id: string }) => g.id === id).evidence).toEqual([]);
  });

  it('part-time staff: the person or SLT sets the share of full time and the yearly target is pro rata', async () => {
    expect(await as(callum).put('/api/tab/clpl/work-pattern', { ftePercent: 50 })).toMatchObject({ status: 200, body: { ftePercent: 50, hours: { targetHours: 15 } } });
    expect((await as(sltMember).get('/api/tab/staff')).body.staff).toEqual(
      expect.arrayContaining([{ personId: 'callum', name: 'Callum Reid', ftePercent: 50 }, { personId: 'dana', name: 'Dana Absent', ftePercent: 100 }]),
    );
    expect(await as(sltMember).put('/api/tab/staff/dana/work-pattern', { ftePercent: 80 })).toMatchObject({ status: 200, body: { person: { personId: 'dana', ftePercent: 80 } } });
    expect((await as(dana).get('/api/tab/clpl')).body.hours.targetHours).toBe(24);
  });

  it('work patterns: invalid shares are 400, staff cannot see or set others (403), SLT only their own school (404)', async () => {
    expect((await as(ailsa).put('/api/tab/clpl/work-pattern', { ftePercent: 5 })).body.error).toMatchObject({ code: 'invalid_request', fields: { ftePercent: 'At least 10%.' } });
    expect((await as(ailsa).put('/api/tab/clpl/work-pattern', { ftePercent: 50.5 })).body.error.fields).toEqual({ ftePercent: 'Use a whole percent.' });
    expect((await as(ailsa).put('/api/tab/clpl/work-pattern', { ftePercent: 60, personId: 'dana' })).status).toBe(400);
    expect((await as(ailsa).get('/api/tab/staff')).status).toBe(403);
    expect((await as(ailsa).put('/api/tab/staff/dana/work-pattern', { ftePercent: 20 })).status).toBe(403);
    expect(await as(sltMember).put('/api/tab/staff/someone-elsewhere/work-pattern', { ftePercent: 20 })).toMatchObject({ status: 404, body: { error: { code: 'person_not_found' } } });
    expect((await as(ailsa).get('/api/tab/clpl')).body.hours.targetHours).toBe(30);
    expect((await as(dana).get('/api/tab/clpl')).body.ftePercent).toBe(80);
  });
});

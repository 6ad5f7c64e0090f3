import { parse } from 'csv-parse/sync';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devUserHeader } from '../../bot/http/auth/identify';
import { Person } from '../../bot/domain/person';
import { RunningServer } from '../../bot/server';
import { describeWithPostgres, PostgresTestDatabase, TestSchema } from '../support/postgres';
import { authorityLead, northLead, seedPartnership, stirlingLead, teacher } from './partnershipSeed';
import { startTabServer, tabApi } from './tabServer';

type Row = { kind: string; id: string; name: string; sessions: number; placesTaken: number; attended: number; responses: number; responseRate: number | null; means: any; withheld: string | null };

/** The partnership's report through the real server, for one database. */
function describePartnershipReport(open: () => Promise<{ server: RunningServer; close: () => Promise<void> }>) {
  let server: RunningServer;
  let close: () => Promise<void>;
  const as = (person: Person) => tabApi(server.url, { [devUserHeader]: person.id });
  const csvAs = (person: Person | null, path: string) => fetch(`${server.url}${path}`, { headers: person ? { [devUserHeader]: person.id } : {} });

  beforeAll(async () => {
    ({ server, close } = await open());
    await seedPartnership(server);
  });
  afterAll(() => close());

  it('tells the tab who leads a group, and lists the groups they may report on with the periods', async () => {
    expect((await as(authorityLead).get('/api/tab/me')).body.leadsGroups).toBe(true);
    expect((await as(teacher).get('/api/tab/me')).body.leadsGroups).toBe(false);
    const choices = (await as(authorityLead).get('/api/tab/partnership')).body;
    expect(choices.groups.map((g: { id: string }) => g.id)).toEqual(['falkirk', 'falkirk-north', 'falkirk-south']);
    expect(choices.periods[0]).toEqual({ index: 0, label: expect.stringMatching(/^\d{4}\/\d{2}$/) });
    expect((await as(teacher).get('/api/tab/partnership')).body.groups).toEqual([]);
  });

  it("rolls the year up by school, cluster and authority, each school's staff counted where they come from", async () => {
    const report = await as(authorityLead).get('/api/tab/partnership/falkirk/periods/0');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ group: { id: 'falkirk', name: 'Falkirk Council', kind: 'authority' }, minResponses: 3, csvPath: '/api/reports/groups/falkirk/0.csv' });
    const rows: Row[] = report.body.rows;
    expect(rows.map((r) => [r.kind, r.name])).toEqual([
      ['total', 'Falkirk Council'],
      ['group', 'North cluster'],
      ['group', 'South cluster'],
      ['school', 'Braes High'],
      ['school', 'Carron Primary'],
      ['school', 'Larbert High'],
    ]);
    const byId = (id: string) => rows.find((r) => r.id === id)!;
    expect(byId('falkirk')).toMatchObject({ sessions: 2, placesTaken: 11, attended: 11, practitioners: 11, responses: 9 });
    expect(byId('larbert')).toMatchObject({ sessions: 1, placesTaken: 4, attended: 4, responses: 3, responseRate: 0.75 });
    expect(byId('carron')).toMatchObject({ sessions: 1, attended: 4, responses: 4 });
    // Every answer: knowledge +2, understanding +1, confidence +1, value 4.
    const shown = rows.filter((r) => r.means);
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) {
      expect(r.means).toEqual({
        value: { mean: 4, n: r.responses },
        meanChange: { mean: 1.33, n: r.responses },
        change: { knowledge: { mean: 2, n: r.responses }, understanding: { mean: 1, n: r.responses }, confidence: { mean: 1, n: r.responses } },
      });
    }
    expect(JSON.stringify(report.body)).not.toMatch(/Wallace|Stirling/);
  });

  it('withholds the means of every cell below the threshold, and of any cell that would give one away', async () => {
    const rows: Row[] = (await as(authorityLead).get('/api/tab/partnership/falkirk/periods/0')).body.rows;
    const byId = (id: string) => rows.find((r) => r.id === id)!;
    expect(byId('braes')).toMatchObject({ attended: 3, responses: 2, means: null, withheld: 'too_few_responses' });
    expect(byId('falkirk-south')).toMatchObject({ responses: 2, means: null, withheld: 'too_few_responses' });
    // Falkirk minus the north cluster, or minus its shown schools, must not come to Braes's 2 answers.
    // The authority's own figure is what its leads report, so it is the last thing withheld: here it is shown.
    const total = byId('falkirk');
    expect(total.means).not.toBeNull();
    const shownParts = [rows.filter((r) => r.kind === 'school' && r.means), rows.filter((r) => r.kind === 'group' && r.means)];
    for (const parts of shownParts) expect(total.responses - parts.reduce((sum, r) => sum + r.responses, 0)).not.toBe(2);
    expect(rows.filter((r) => r.withheld === 'protects_another_cell').length).toBeGreaterThan(0);
    // The north cluster's own report withholds the same cells.
    const north: Row[] = (await as(northLead).get('/api/tab/partnership/falkirk-north/periods/0')).body.rows;
    for (const r of north) expect(r.withheld).toBe(byId(r.id).withheld);
  });

  it('only leads of the group or of a group containing it: others 403, an unknown group 404, bad parameters 400', async () => {
    expect((await as(authorityLead).get('/api/tab/partnership/falkirk-north/periods/1')).status).toBe(200);
    expect(await as(northLead).get('/api/tab/partnership/falkirk/periods/0')).toMatchObject({ status: 403, body: { error: { code: 'not_group_lead' } } });
    expect(await as(northLead).get('/api/tab/partnership/falkirk-south/periods/0')).toMatchObject({ status: 403, body: { error: { code: 'not_group_lead' } } });
    expect(await as(stirlingLead).get('/api/tab/partnership/falkirk-north/periods/0')).toMatchObject({ status: 403, body: { error: { code: 'not_group_lead' } } });
    expect(await as(authorityLead).get('/api/tab/partnership/stirling/periods/0')).toMatchObject({ status: 403, body: { error: { code: 'not_group_lead' } } });
    expect(await as(teacher).get('/api/tab/partnership/falkirk/periods/0')).toMatchObject({ status: 403, body: { error: { code: 'not_group_lead' } } });
    expect(await as(authorityLead).get('/api/tab/partnership/nowhere/periods/0')).toMatchObject({ status: 404, body: { error: { code: 'group_not_found' } } });
    expect((await as(authorityLead).get('/api/tab/partnership/Not%20A%20Group/periods/0')).status).toBe(400);
    expect((await as(authorityLead).get('/api/tab/partnership/falkirk/periods/x')).status).toBe(400);
    expect((await as(authorityLead).get('/api/tab/partnership/falkirk/periods/99')).body.error.code).toBe('report_period_unknown');
    expect((await tabApi(server.url, {}).get('/api/tab/partnership/falkirk/periods/0')).status).toBe(401);
  });

  it('downloads the report as CSV, means beside their n and a note where withheld; refused to anyone else', async () => {
    const res = await csvAs(authorityLead, '/api/reports/groups/falkirk/0.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="clpl-partnership-falkirk-\d{4}-\d{2}\.csv"$/);
    const records: Record<string, string>[] = parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true });
    expect(records.map((r) => r.name)).toEqual(['Falkirk Council', 'North cluster', 'South cluster', 'Braes High', 'Carron Primary', 'Larbert High']);
    const braes = records.find((r) => r.id === 'braes')!;
    expect(braes).toMatchObject({ attended: '3', 'feedback responses': '2', 'mean value (1-5)': '', 'mean change in knowledge, understanding and confidence': '', note: 'withheld: fewer than 3 responses' });
    const carron = records.find((r) => r.id === 'carron')!;
    expect(carron).toMatchObject({ 'mean change in knowledge, understanding and confidence': '1.3333', 'n (responses behind the means)': '4' });

    expect((await csvAs(northLead, '/api/reports/groups/falkirk/0.csv')).status).toBe(403);
    expect((await csvAs(authorityLead, '/api/reports/groups/nowhere/0.csv')).status).toBe(404);
    expect((await csvAs(authorityLead, '/api/reports/groups/falkirk/zero.csv')).status).toBe(400);
    expect((await csvAs(null, '/api/reports/groups/falkirk/0.csv')).status).toBe(401);
  });
}

describe('the partnership report through the real server on SQLite', () => {
  describePartnershipReport(async () => {
    const server = await startTabServer({ CLPL_MIN_RESPONSES_TO_SHOW: '3', SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'clpl-partnership-')), 'clpl.sqlite') });
    return { server, close: () => server.close() };
  });
});

describeWithPostgres('the partnership report through the real server on PostgreSQL', (database: PostgresTestDatabase) => {
  describePartnershipReport(async () => {
    const schema: TestSchema = await database.createSchema();
    const server = await startTabServer({ CLPL_MIN_RESPONSES_TO_SHOW: '3', DATABASE_URL: schema.url });
    return {
      server,
      close: async () => {
        await server.close();
        await schema.drop();
      },
    };
  });
});

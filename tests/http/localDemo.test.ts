import { demoSchool, demoStaff, seedLocalDemo } from '../../bot/localDemo';
import { devUserHeader } from '../../bot/http/auth/identify';
import { RunningServer } from '../../bot/server';
import { schoolId } from '../factories';
import { startTabServer, tabApi } from './tabServer';

const [ailsa, callum, morag] = ['demo-ailsa', 'demo-callum', 'demo-morag'] as const;

describe('npm start on a fresh local store: a demo line manager to try My team with', () => {
  let server: RunningServer;
  const as = (personId: string) => tabApi(server.url, { [devUserHeader]: personId });

  beforeAll(async () => {
    server = await startTabServer();
    expect(await seedLocalDemo(server.stores)).toBe(true);
  });
  afterAll(() => server.close());

  it('Morag (demo) sees Ailsa and Callum (demo) in My team, and their records', async () => {
    expect(demoStaff.map((p) => p.id)).toEqual(expect.arrayContaining([ailsa, callum, morag]));
    const reports = (await as(morag).get('/api/tab/team')).body.reports;
    expect(reports.map((r: { id: string }) => r.id).sort()).toEqual([ailsa, callum]);
    expect((await as(morag).get(`/api/tab/team/${callum}`)).status).toBe(200);
  });

  it('Ailsa (demo) has no team and is refused Callum’s record, though local mode lets everyone lead offers', async () => {
    expect((await as(ailsa).get('/api/tab/team')).body.reports).toEqual([]);
    expect((await as(ailsa).get(`/api/tab/team/${callum}`)).status).toBe(404);
    expect((await as(ailsa).get(`/api/tab/team/${morag}`)).status).toBe(404);
  });

  it('seeds only once, and never into a store that already knows a school', async () => {
    expect(await seedLocalDemo(server.stores)).toBe(false);
    const other = await startTabServer();
    try {
      await other.stores.schools.upsertSchool({ id: schoolId, name: 'Balerno High School', tenantId: null });
      expect(await seedLocalDemo(other.stores)).toBe(false);
      expect((await other.stores.schools.listSchools()).map((s) => s.id)).toEqual([schoolId]);
      expect(await other.stores.schools.findSchool(demoSchool.id)).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});

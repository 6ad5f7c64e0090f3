import { demoSchool, demoStaff, seedLocalDemo } from '../../bot/localDemo';
import { devUserHeader } from '../../bot/http/auth/identify';
import { RunningServer } from '../../bot/server';
import { schoolId } from '../factories';
import { createOfferThroughCard, setUpSchool, startTestbed, Testbed } from '../support/clplTestbed';
import { member, membersAddedToTeam, sendToBot } from '../support/teamsActivities';
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

  it('Ailsa (demo) has no team and is refused Callum’s and Morag’s records', async () => {
    expect((await as(ailsa).get('/api/tab/team')).body.reports).toEqual([]);
    expect((await as(ailsa).get(`/api/tab/team/${callum}`)).status).toBe(404);
    expect((await as(ailsa).get(`/api/tab/team/${morag}`)).status).toBe(404);
  });

  it('the demo school’s roles are real: Morag is its SLT and has the Offers dashboard; Ailsa and Callum are staff and do not', async () => {
    expect((await as(morag).get('/api/tab/me')).body.isSlt).toBe(true);
    expect((await as(morag).get('/api/tab/dashboard')).status).toBe(200);
    for (const staff of [ailsa, callum]) {
      expect((await as(staff).get('/api/tab/me')).body.isSlt).toBe(false);
      expect((await as(staff).get('/api/tab/dashboard')).status).toBe(403);
    }
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

describe('local mode with no SLT configured: a team added from the playground is led by everyone in it; the demo school keeps its roles', () => {
  let bed: Testbed;
  beforeAll(async () => {
    bed = await startTestbed({ env: { CLPL_SLT_IDS: '' } });
    // As `npm start` on a fresh store: the demo school first, then a team added from the playground.
    expect(await seedLocalDemo(bed.server.stores)).toBe(true);
    await setUpSchool(bed);
  });
  afterAll(() => bed.close());

  it('anyone in the playground team may post an offer straight to the channel, so the whole journey can be tried', async () => {
    const cara = member('c', 'Cara Teacher');
    await sendToBot(bed.server.url, membersAddedToTeam(bed.world, cara, [cara]));
    await expect(createOfferThroughCard(bed, {}, cara)).resolves.toMatchObject({ offerId: expect.any(String) });
  });

  it('while Ailsa (demo) is still staff in the demo school, and Morag (demo SLT) still its SLT', async () => {
    const as = (personId: string) => tabApi(bed.server.url, { [devUserHeader]: personId });
    expect((await as(ailsa).get('/api/tab/me')).body.isSlt).toBe(false);
    expect((await as(morag).get('/api/tab/me')).body.isSlt).toBe(true);
  });
});

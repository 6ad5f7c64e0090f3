import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { JobRunner } from '../../../bot/app/delivery/jobRunner';
import { cancelProgramme, previewProgramme, scheduleProgramme } from '../../../bot/app/programme/importProgramme';
import { publishProgrammeOffer } from '../../../bot/app/programme/publishProgrammeOffer';
import { ProgrammeImport } from '../../../bot/domain/programme';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, FakeClock, TestDependencies } from '../../factories/dependencies';
import { buildPerson, schoolId, shift, sltMember } from '../../factories/offers';
import { programmeCsv, programmeHeader, programmeRow, ukDate } from '../../factories/programme';

const now = new Date('2026-09-01T09:00:00Z');

describe('a confirmed programme is posted by the scheduler', () => {
  let stores: Stores;
  let clock: FakeClock;
  let deps: TestDependencies;
  let runner: JobRunner;

  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-programme-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
    await stores.schools.setClplChannel(schoolId, { id: '19:clpl@thread.tacv2', name: 'Staff CLPL' });
    clock = new FakeClock(now);
    deps = buildDependencies(stores, { clock });
    runner = new JobRunner({ app: deps, jobs: stores.jobs, logger: pino({ level: 'silent' }) }, { pollMs: 60_000, leaseMs: 60_000, maxAttempts: 3 });
  });
  afterEach(() => stores.close());

  async function imported(rows: Record<string, string>[]): Promise<ProgrammeImport> {
    const preview = await previewProgramme(deps, { schoolId, importer: sltMember, fileName: 'term1.csv', file: programmeCsv(rows), timeZone: 'Europe/London' });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    return preview.programme;
  }

  it('confirming twice queues each offer once, and a cancelled import cannot be scheduled', async () => {
    const programme = await imported([programmeRow(now, { title: 'A' }), programmeRow(now, { title: 'B' })]);
    expect((await scheduleProgramme(deps, { importId: programme.id, person: sltMember })).scheduledNow).toBe(true);
    expect((await scheduleProgramme(deps, { importId: programme.id, person: sltMember })).scheduledNow).toBe(false);
    const jobs = await stores.jobs.claimDue(shift(now, { days: 60 }), 100, 60_000);
    expect(jobs.filter((j) => j.job.kind === 'programme_publish').map((j) => j.key).sort()).toEqual([`programme_publish:${programme.id}:2`, `programme_publish:${programme.id}:3`]);
    expect((await cancelProgramme(deps, { importId: programme.id, person: sltMember })).cancelledNow).toBe(false);

    const other = await imported([programmeRow(now)]);
    expect((await cancelProgramme(deps, { importId: other.id, person: sltMember })).cancelledNow).toBe(true);
    const after = await scheduleProgramme(deps, { importId: other.id, person: sltMember });
    expect([after.scheduledNow, after.programme.status]).toEqual([false, 'cancelled']);
  });

  it('only SLT may import or confirm', async () => {
    const teacher = buildPerson();
    await expect(previewProgramme(deps, { schoolId, importer: teacher, fileName: 'x.csv', file: programmeCsv([programmeRow(now)]), timeZone: 'Europe/London' })).rejects.toMatchObject({ code: 'programme_not_slt' });
    const programme = await imported([programmeRow(now)]);
    await expect(scheduleProgramme(deps, { importId: programme.id, person: teacher })).rejects.toMatchObject({ code: 'programme_not_slt' });
  });

  it('posts each offer when its publish date comes, as createOffer does, and once however often its job runs', async () => {
    const programme = await imported([programmeRow(now, { title: 'Now', 'publish date': '' }), programmeRow(now, { title: 'Later', 'publish date': ukDate(now, 10) })]);
    await scheduleProgramme(deps, { importId: programme.id, person: sltMember });
    await runner.runDue();
    expect(deps.board.posted.map((p) => p.view.offer.title)).toEqual(['Now']);
    const offer = await stores.offers.findOffer(programme.items[0]!.offerId);
    expect(offer).toMatchObject({ title: 'Now', createdBy: sltMember, schoolId });

    await publishProgrammeOffer(deps, { importId: programme.id, line: 2 });
    expect(deps.board.posted).toHaveLength(1);

    clock.set(shift(now, { days: 11 }));
    await runner.runDue();
    expect(deps.board.posted.map((p) => p.view.offer.title)).toEqual(['Now', 'Later']);
  });

  it('a run that saved the offer but could not post it posts it next time, without a second offer', async () => {
    const programme = await imported([programmeRow(now, { 'publish date': '' })]);
    await scheduleProgramme(deps, { importId: programme.id, person: sltMember });
    const post = deps.board.post.bind(deps.board);
    deps.board.post = async () => {
      throw new Error('Teams is down');
    };
    await expect(publishProgrammeOffer(deps, { importId: programme.id, line: 2 })).rejects.toThrow('Teams is down');
    deps.board.post = post;
    await publishProgrammeOffer(deps, { importId: programme.id, line: 2 });
    expect(deps.board.posted.map((p) => p.view.offer.id)).toEqual([programme.items[0]!.offerId]);
    expect(await stores.offers.upcomingOffersOf(schoolId, now)).toHaveLength(1);
  });

  it('tells the importer when the offer cannot be posted (no CLPL channel any more), and does not retry', async () => {
    const programme = await imported([programmeRow(now, { 'publish date': '' })]);
    await scheduleProgramme(deps, { importId: programme.id, person: sltMember });
    const schools = stores.schools;
    const findSchool = schools.findSchool.bind(schools);
    schools.findSchool = async (id) => {
      const school = await findSchool(id);
      return school && { ...school, clplChannel: null };
    };
    await runner.runDue();
    expect(deps.board.posted).toEqual([]);
    const notices = await stores.outbox.claimDue(now, 10, 60_000);
    expect(notices.map((n) => [n.recipientId, n.notice.kind, (n.notice as { code?: string }).code])).toEqual([[sltMember.id, 'programme_offer_not_posted', 'clpl_channel_not_set']]);
    expect(await stores.jobs.claimDue(shift(now, { days: 1 }), 10, 60_000)).toEqual([]);
  });

  describe('group offers', () => {
    const lead = buildPerson({ id: 'cluster-lead', name: 'Cara Cluster' });
    const otherSchool = 'school-2';
    const groupRow = (overrides: Record<string, string> = {}) => programmeRow(now, { title: 'Cluster moderation', 'publish date': '', for: 'balerno-cluster', capacity: '12', 'quota per school': '6', ...overrides });
    const groupCsv = (rows: Record<string, string>[]) => programmeCsv(rows, [...programmeHeader, 'for', 'quota per school', 'quota released']);

    beforeEach(async () => {
      await stores.schools.upsertSchool({ id: otherSchool, name: 'Dean Park Primary', tenantId: null });
      await stores.schools.setClplChannel(otherSchool, { id: '19:dpp-clpl@thread.tacv2', name: 'DPP CLPL' });
      await stores.groups.applyFile([{ id: 'balerno-cluster', name: 'Balerno cluster', kind: 'cluster', schools: [schoolId, otherSchool], groups: [], leads: [lead.id] }], 'test', now);
    });

    async function leadImports(rows: Record<string, string>[]): Promise<ProgrammeImport> {
      const preview = await previewProgramme(deps, { schoolId, importer: lead, fileName: 'cluster.csv', file: groupCsv(rows), timeZone: 'Europe/London' });
      if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
      return preview.programme;
    }

    it('a group lead who is not SLT imports their group’s offers; each is posted to every member school’s channel', async () => {
      const programme = await leadImports([groupRow()]);
      expect(programme.items[0]).toMatchObject({ groupId: 'balerno-cluster', draft: { quotaPerSchool: 6 } });
      expect((await scheduleProgramme(deps, { importId: programme.id, person: lead })).scheduledNow).toBe(true);
      // The publish job saves the group offer; its posting job (due at once) puts a card in each school's channel.
      await runner.runDue();
      await runner.runDue();
      expect(deps.board.posted.map((p) => [p.channelId, p.view.offer.title]).sort()).toEqual([
        ['19:clpl@thread.tacv2', 'Cluster moderation'],
        ['19:dpp-clpl@thread.tacv2', 'Cluster moderation'],
      ]);
      expect(await stores.offers.findOffer(programme.items[0]!.offerId)).toMatchObject({ groupId: 'balerno-cluster', quotaPerSchool: 6, createdBy: lead });
    });

    it('a publish job run again finds the group offer it made: no second offer, no second card in any channel', async () => {
      const programme = await leadImports([groupRow()]);
      await scheduleProgramme(deps, { importId: programme.id, person: lead });
      await runner.runDue();
      await runner.runDue();
      await publishProgrammeOffer(deps, { importId: programme.id, line: 2 });
      await runner.runDue();
      expect(deps.board.posted.map((p) => p.channelId).sort()).toEqual(['19:clpl@thread.tacv2', '19:dpp-clpl@thread.tacv2']);
      expect(await stores.offers.upcomingOffersOf(schoolId, now)).toHaveLength(1);
    });

    it('the lead cannot import for the school alone, and an SLT member who does not lead the group cannot confirm it', async () => {
      const refused = await previewProgramme(deps, { schoolId, importer: lead, fileName: 'x.csv', file: groupCsv([programmeRow(now)]), timeZone: 'Europe/London' });
      expect(refused.ok ? [] : refused.problems.map((p) => p.column)).toEqual(['for']);
      const programme = await leadImports([groupRow()]);
      await expect(scheduleProgramme(deps, { importId: programme.id, person: sltMember })).rejects.toMatchObject({ code: 'programme_not_slt' });
      await expect(cancelProgramme(deps, { importId: programme.id, person: sltMember })).rejects.toMatchObject({ code: 'programme_not_slt' });
    });
  });
});

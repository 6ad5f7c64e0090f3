import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { JobRunner } from '../../../bot/app/delivery/jobRunner';
import { retentionJob } from '../../../bot/app/privacy/retention';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, FakeClock, schoolId } from '../../factories';

describe('the daily retention job', () => {
  let stores: Stores;
  afterEach(() => stores.close());

  it('runs once its day comes, erases leavers past their period, and queues the next day\'s run (once)', async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-retention-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
    await stores.schools.recordMember(schoolId, { id: 'aad-leaver', name: 'Lena Leaver', email: 'lena@glenbrae.sch.uk' });
    await stores.personalData.markLeft(schoolId, 'aad-leaver', new Date('2030-01-01T09:00:00Z'));
    const clock = new FakeClock(new Date('2030-01-20T12:00:00Z'));
    const deps = buildDependencies(stores, { clock, privacy: { externalGoals: null, retention: { recordYears: 6, leaverDays: 30 } } });
    const runner = new JobRunner({ app: deps, jobs: stores.jobs, logger: pino({ level: 'silent' }) }, { pollMs: 60_000, leaseMs: 60_000, maxAttempts: 3 });
    const start = retentionJob(clock.now(), 'Europe/London');
    expect(start.key).toBe('privacy_retention:2030-01-20');
    await stores.jobs.scheduleIfAbsent(start, clock.now());
    // A second start-up the same day queues nothing more.
    await stores.jobs.scheduleIfAbsent(retentionJob(clock.now(), 'Europe/London'), clock.now());

    await runner.runDue();
    // Left 19 days ago: not yet.
    expect(await stores.personalData.findMember(schoolId, 'aad-leaver')).toBeDefined();

    clock.set(new Date('2030-02-01T03:00:00Z'));
    await stores.jobs.scheduleIfAbsent(retentionJob(clock.now(), 'Europe/London'), clock.now());
    await runner.runDue();
    expect(await stores.personalData.findMember(schoolId, 'aad-leaver')).toBeUndefined();
    expect(await stores.personalData.auditOf(schoolId)).toEqual([expect.objectContaining({ erasedById: 'retention' })]);

    const { rows } = { rows: await stores.jobs.claimDue(new Date('2030-02-02T03:00:00Z'), 10, 60_000) };
    expect(rows.map((r) => r.key)).toEqual(['privacy_retention:2030-02-02']);
  });
});

import { ProgrammeImport } from '../../../bot/domain/programme';
import { buildDraft, schoolId, shift, sltMember, testNow } from '../../factories';
import type { StoreFixture } from './storeContract';

function buildProgramme(overrides: Partial<ProgrammeImport> = {}): ProgrammeImport {
  return {
    id: `import-${Math.random().toString(36).slice(2)}`,
    schoolId,
    importer: sltMember,
    fileName: 'term2.csv',
    items: [
      { line: 2, offerId: 'offer-a', draft: buildDraft({ title: 'A' }), publishAt: null },
      { line: 5, offerId: 'offer-b', draft: buildDraft({ title: 'B', followUpWeeks: 6 }), publishAt: shift(testNow, { days: 3 }) },
      {
        line: 6,
        offerId: 'offer-c',
        groupId: 'balerno-cluster',
        draft: buildDraft({ title: 'C', capacity: 30, quotaPerSchool: 5, quotaReleasesAt: shift(testNow, { days: 4 }) }),
        publishAt: null,
      },
    ],
    status: 'pending',
    createdAt: testNow,
    decidedAt: null,
    ...overrides,
  };
}

const job = (importId: string, line: number) => ({ key: `programme_publish:${importId}:${line}`, dueAt: testNow, job: { kind: 'programme_publish' as const, importId, line } });

/** Imported programmes (ports/programmeImports.ts), for every database. */
export function describeProgrammeImportContract(db: StoreFixture): void {
  describe('imported programmes', () => {
    it('keeps a pending programme with its offers intact, a group offer with its group and places per school', async () => {
      const stores = await db.withSchool();
      const programme = buildProgramme();
      await stores.programmeImports.save(programme);
      expect(await stores.programmeImports.find(programme.id)).toEqual(programme);
      expect(await stores.programmeImports.find('no-such-import')).toBeUndefined();
    });

    it('schedules once: the second confirmation finds it decided and queues nothing', async () => {
      const stores = await db.withSchool();
      const programme = buildProgramme();
      await stores.programmeImports.save(programme);
      const at = shift(testNow, { minutes: 5 });
      const [first, second] = await Promise.all([
        stores.programmeImports.schedule(programme.id, [job(programme.id, 2), job(programme.id, 5)], at),
        stores.programmeImports.schedule(programme.id, [job(programme.id, 2), job(programme.id, 5)], at),
      ]);
      expect([first, second].sort()).toEqual([false, true]);
      expect(await stores.programmeImports.find(programme.id)).toMatchObject({ status: 'scheduled', decidedAt: at });
      const queued = await db.inspect<{ job_key: string }>('select job_key from scheduled_jobs order by job_key');
      expect(queued.map((q) => q.job_key)).toEqual([`programme_publish:${programme.id}:2`, `programme_publish:${programme.id}:5`]);
      expect(await stores.programmeImports.cancel(programme.id, at)).toBe(false);
    });

    it('cancels a pending programme, which then cannot be scheduled', async () => {
      const stores = await db.withSchool();
      const programme = buildProgramme();
      await stores.programmeImports.save(programme);
      expect(await stores.programmeImports.cancel(programme.id, testNow)).toBe(true);
      expect(await stores.programmeImports.schedule(programme.id, [job(programme.id, 2)], testNow)).toBe(false);
      expect((await stores.programmeImports.find(programme.id))?.status).toBe('cancelled');
      expect(await db.inspect('select job_key from scheduled_jobs')).toEqual([]);
    });
  });
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupSqlite } from '../../../bot/adapters/sqlite/backupSqlite';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';

describe('backing up the SQLite store', () => {
  it('copies a consistent database while the app is still writing to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clpl-backup-'));
    const live = await openSqliteStores(join(dir, 'clpl.sqlite'));
    for (let i = 0; i < 50; i++) await live.schools.upsertSchool({ id: `school-${i}`, name: `School ${i}`, tenantId: null });

    const writes = (async () => {
      for (let i = 50; i < 150; i++) await live.schools.upsertSchool({ id: `school-${i}`, name: `School ${i}`, tenantId: null });
    })();
    const progress: number[] = [];
    await backupSqlite(join(dir, 'clpl.sqlite'), join(dir, 'backups', 'copy.sqlite'), (p) => progress.push(p));
    await writes;
    await live.close();

    const copy = await openSqliteStores(join(dir, 'backups', 'copy.sqlite'));
    const schools = await copy.schools.listSchools();
    await copy.close();
    expect(schools.length).toBeGreaterThanOrEqual(50);
    // A point-in-time copy: the first N schools written, with no gap.
    const numbers = schools.map((s) => Number(s.id.replace('school-', ''))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: schools.length }, (_, i) => i));
    expect(progress.at(-1)).toBe(100);
  });

  it('refuses to overwrite an existing backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clpl-backup-'));
    const live = await openSqliteStores(join(dir, 'clpl.sqlite'));
    await live.close();
    await backupSqlite(join(dir, 'clpl.sqlite'), join(dir, 'copy.sqlite'));
    await expect(backupSqlite(join(dir, 'clpl.sqlite'), join(dir, 'copy.sqlite'))).rejects.toThrow('already exists');
  });

  it('says clearly when there is no database to back up', async () => {
    await expect(backupSqlite('/nonexistent/clpl.sqlite', '/tmp/x.sqlite')).rejects.toThrow('There is no database at /nonexistent/clpl.sqlite');
  });
});

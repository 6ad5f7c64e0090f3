import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { Database as Tables } from '../../../bot/adapters/sql/schema';
import { SqlSchoolGroupStore } from '../../../bot/adapters/sql/sqlSchoolGroupStore';
import { Stores } from '../../../bot/ports/stores';

/**
 * The group graph is read at most every two seconds (a sign-up to a group offer asks whether the school is in it), so
 * another instance's change shows within that; this instance's own change shows at once.
 */
describe('the group graph kept between questions', () => {
  let dir = '';
  let other: Stores;
  let db: Kysely<Tables>;
  let now = 0;
  let groups: SqlSchoolGroupStore;
  const at = new Date('2026-12-05T09:00:00Z');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clpl-group-cache-'));
    other = await openSqliteStores(join(dir, 'clpl.sqlite'));
    await other.groups.applyFile([{ id: 'cluster-1', name: 'Cluster', kind: 'cluster', schools: ['school-a'], groups: [], leads: ['lead'] }], 'f1', at);
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new Database(join(dir, 'clpl.sqlite')) }) });
    now = 1_000_000;
    groups = new SqlSchoolGroupStore(db, 'sqlite', () => now);
  });
  afterEach(async () => {
    await db.destroy();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from one read for two seconds, then sees another instance’s change', async () => {
    expect(await groups.schoolsIn('cluster-1')).toEqual(['school-a']);
    await other.groups.changeGroup('cluster-1', 'lead', { kind: 'add_school', schoolId: 'school-b' }, at);
    now += 1_999;
    expect(await groups.schoolsIn('cluster-1')).toEqual(['school-a']);
    now += 1;
    expect(await groups.schoolsIn('cluster-1')).toEqual(['school-a', 'school-b']);
  });

  it('sees its own change at once', async () => {
    expect(await groups.schoolsIn('cluster-1')).toEqual(['school-a']);
    await groups.changeGroup('cluster-1', 'lead', { kind: 'add_school', schoolId: 'school-b' }, at);
    expect(await groups.schoolsIn('cluster-1')).toEqual(['school-a', 'school-b']);
    await groups.applyFile([{ id: 'cluster-1', name: 'Cluster', kind: 'cluster', schools: ['school-c'], groups: [], leads: ['lead'] }], 'f2', at);
    // The file's schools replace the file's own; the one added by command stays.
    expect((await groups.schoolsIn('cluster-1')).sort()).toEqual(['school-b', 'school-c']);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraphClient } from '../../../bot/adapters/graph/graphClient';
import { GraphPeopleDirectory } from '../../../bot/adapters/graph/graphPeopleDirectory';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { parseLineManagementCsv } from '../../../bot/adapters/teams/verbs/reflectionSchema';
import { importLineManagement, lineManagementView } from '../../../bot/app/reflections/lineManagementMap';
import { ReflectionError } from '../../../bot/domain/lineManagement';
import { demoSchool, seedLocalDemo } from '../../../bot/localDemo';
import { PeopleDirectory } from '../../../bot/ports/peopleDirectory';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, FakeClock, leadershipOf } from '../../factories';
import { GraphDirectoryStandIn } from '../../support/graphDirectoryStandIn';

const schoolId = 'school-1';
const slt = { id: 'slt', name: 'Morag SLT' };

const rowsOf = (csv: string) => {
  const parsed = parseLineManagementCsv(csv);
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.rows;
};

async function refusal(work: Promise<unknown>): Promise<ReflectionError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ReflectionError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('importing the line-management map by email', () => {
  let stores: Stores;
  let graph: GraphDirectoryStandIn;
  const clock = new FakeClock(new Date('2026-11-24T10:00:00Z'));

  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-lm-import-')), 'clpl.sqlite'));
    graph = await new GraphDirectoryStandIn().start();
    await stores.schools.upsertSchool({ id: schoolId, name: 'Balerno High', tenantId: null });
    // Mia has been seen by the bot in the staff team; Ailsa and Bea have not yet.
    await stores.schools.recordMember(schoolId, { id: 'u-mia', name: 'Mia Reid' });
    graph.users.set('mia.reid@school.scot', { id: 'u-mia', displayName: 'REID, Mia' });
    graph.users.set('ailsa.brown@school.scot', { id: 'u-ailsa', displayName: 'Ailsa Brown' });
    graph.users.set('bea.clark@school.scot', { id: 'u-bea', displayName: 'Bea Clark' });
  });
  afterEach(async () => {
    await graph.stop();
    await stores.close();
  });

  const withGraph = (people: PeopleDirectory | null = new GraphPeopleDirectory({ client: createGraphClient({ baseUrl: graph.url, getToken: async () => graph.token, retryDelaySeconds: 0.05, maxRetries: 2 }) })) =>
    buildDependencies(stores, { clock, leadership: leadershipOf(slt.id), reflections: { org: null, people, goals: stores.goals, trackingChanged: () => undefined } });

  it('a CSV naming staff and line managers by email is resolved through Graph, honouring a 429 Retry-After, and remembered', async () => {
    graph.throttleUserLookups = 1;
    graph.retryAfterSeconds = 1;
    const app = withGraph();
    const csv = 'staff email,line manager\nAilsa.Brown@school.scot,mia.reid@school.scot\nbea.clark@school.scot,Mia Reid\n';
    const entries = await importLineManagement(app, { schoolId, personId: slt.id, rows: rowsOf(csv) });

    expect(entries).toEqual([
      { schoolId, staffId: 'u-ailsa', managerId: 'u-mia' },
      { schoolId, staffId: 'u-bea', managerId: 'u-mia' },
    ]);
    expect(graph.calls.filter((c) => c.path.startsWith('/v1.0/users/'))).toHaveLength(4); // three addresses, one retried
    // The bot's own name for Mia stays; the people it had not seen join the school with their email.
    expect((await lineManagementView(app, { schoolId, personId: slt.id })).entries.map((e) => `${e.staff.name} → ${e.manager.name}`)).toEqual([
      'Ailsa Brown → Mia Reid',
      'Bea Clark → Mia Reid',
    ]);
    expect(await stores.schools.listMembersWithEmails(schoolId)).toEqual([
      { id: 'u-ailsa', name: 'Ailsa Brown', email: 'ailsa.brown@school.scot' },
      { id: 'u-bea', name: 'Bea Clark', email: 'bea.clark@school.scot' },
      { id: 'u-mia', name: 'Mia Reid', email: 'mia.reid@school.scot' },
    ]);

    // Addresses the school now knows are not looked up again.
    const before = graph.calls.length;
    await importLineManagement(app, { schoolId, personId: slt.id, rows: rowsOf(csv) });
    expect(graph.calls).toHaveLength(before);
  });

  it('in local mode emails are resolved through the local staff directory, without Graph', async () => {
    await stores.schools.upsertSchool(demoSchool);
    await stores.schools.recordMember(demoSchool.id, { id: 'demo-morag', name: 'Morag Campbell (demo SLT)', email: 'morag.campbell@demo-school.invalid' });
    await stores.schools.recordMember(demoSchool.id, { id: 'demo-callum', name: 'Callum Reid (demo)', email: 'callum.reid@demo-school.invalid' });
    const entries = await importLineManagement(withGraph(null), {
      schoolId: demoSchool.id,
      personId: slt.id,
      rows: rowsOf('Callum.Reid@demo-school.invalid,morag.campbell@demo-school.invalid'),
    });
    expect(entries).toEqual([{ schoolId: demoSchool.id, staffId: 'demo-callum', managerId: 'demo-morag' }]);
    expect(graph.calls).toEqual([]);
  });

  it('the local demo staff can be named by their email on a fresh store', async () => {
    const fresh = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-lm-demo-')), 'clpl.sqlite'));
    try {
      expect(await seedLocalDemo(fresh)).toBe(true);
      const app = buildDependencies(fresh, { clock, leadership: leadershipOf(slt.id) });
      const entries = await importLineManagement(app, { schoolId: demoSchool.id, personId: slt.id, rows: rowsOf('ailsa.brown@demo-school.invalid,callum.reid@demo-school.invalid') });
      expect(entries).toEqual([{ schoolId: demoSchool.id, staffId: 'demo-ailsa', managerId: 'demo-callum' }]);
    } finally {
      await fresh.close();
    }
  });

  it('bad rows are each reported by line (unknown email, missing manager, self-managed, two managers) and nothing is stored', async () => {
    await stores.reflections.replaceLineManagement(schoolId, [{ schoolId, staffId: 'u-mia', managerId: 'slt' }]);
    const app = withGraph();
    const csv = [
      'staff,line manager',
      'ailsa.brown@school.scot,mia.reid@school.scot',
      'nobody@school.scot,mia.reid@school.scot',
      'mia.reid@school.scot,Mia Reid',
      'ailsa.brown@school.scot,bea.clark@school.scot',
      'ailsa.brown@school.scot,mia.reid@school.scot',
      'bea.clark@school.scot,',
    ].join('\n');
    // A row without a manager is caught as the CSV is read; the rest once people are looked up.
    expect(parseLineManagementCsv(csv)).toEqual({ problems: { 'line 7': 'missing line manager for "bea.clark@school.scot"' } });
    const rows = rowsOf(csv.replace('\nbea.clark@school.scot,', ''));
    const error = await refusal(importLineManagement(app, { schoolId, personId: slt.id, rows }));
    expect(error.fieldErrors).toEqual({
      'line 3': 'staff "nobody@school.scot": unknown email: nobody in the school or directory has this address',
      'line 4': 'Mia Reid cannot be their own line manager',
      'line 5': 'Ailsa Brown already has line manager "mia.reid@school.scot" (line 2); give each person one line manager',
    });
    expect(await stores.reflections.lineManagement(schoolId)).toEqual([{ schoolId, staffId: 'u-mia', managerId: 'slt' }]);
    expect((await stores.schools.listMembers(schoolId)).map((m) => m.id)).toEqual(['u-mia']);
  });

  it('when the directory cannot be reached the import is refused and nothing is stored', async () => {
    const down: PeopleDirectory = { findByEmails: async () => Promise.reject(new Error('Graph down')) };
    const error = await refusal(importLineManagement(withGraph(down), { schoolId, personId: slt.id, rows: rowsOf('ailsa.brown@school.scot,Mia Reid') }));
    expect(error.message).toMatch(/directory could not be reached/);
    expect(await stores.reflections.lineManagement(schoolId)).toEqual([]);
  });
});

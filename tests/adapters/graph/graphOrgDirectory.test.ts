import { createGraphClient } from '../../../bot/adapters/graph/graphClient';
import { GraphOrgDirectory } from '../../../bot/adapters/graph/graphOrgDirectory';
import { directReportsOf } from '../../../bot/app/reflections/directReports';
import { LineManagement } from '../../../bot/domain/lineManagement';
import { OrgDirectory } from '../../../bot/ports/lineManagers';
import { ReflectionStore } from '../../../bot/ports/reflectionStore';
import { SchoolDirectory } from '../../../bot/ports/schoolDirectory';
import { GraphDirectoryStandIn } from '../../support/graphDirectoryStandIn';

describe('Graph org directory against a loopback Graph stand-in', () => {
  let graph: GraphDirectoryStandIn;
  let directory: GraphOrgDirectory;

  beforeEach(async () => {
    graph = await new GraphDirectoryStandIn().start();
    const client = createGraphClient({ baseUrl: graph.url, getToken: async () => graph.token, retryDelaySeconds: 0.05, maxRetries: 1 });
    directory = new GraphOrgDirectory({ client, baseUrl: graph.url });
  });
  afterEach(() => graph.stop());

  it('follows @odata.nextLink across pages with the app token on each, keeping users only', async () => {
    graph.maxPageSize = 2;
    graph.reports.set('mia', [
      { id: 'u1', displayName: 'Ailsa' },
      { id: 'c1', displayName: 'A contact', type: '#microsoft.graph.orgContact' },
      { id: 'u2', displayName: 'Bea' },
      { id: 'u3', displayName: 'Cal' },
      { id: 'u4', displayName: 'Dan' },
    ]);
    expect((await directory.directReportsOf('mia'))?.map((p) => p.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(graph.calls).toHaveLength(3);
    expect(graph.calls[0]!.path).toBe('/v1.0/users/mia/directReports');
    expect(graph.calls[0]!.query.get('$select')).toBe('id,displayName');
    expect(graph.calls.every((c) => c.authorization === 'Bearer graph-app-token')).toBe(true);
  });

  it('has no relation for a manager with no reports or unknown to the directory', async () => {
    graph.reports.set('empty', []);
    expect(await directory.directReportsOf('empty')).toBeNull();
    expect(await directory.directReportsOf('nobody')).toBeNull();
  });
});

describe('direct reports: Graph where it has the relation, the app map where it does not', () => {
  const map: LineManagement[] = [
    { schoolId: 's', staffId: 'bea', managerId: 'mia' },
    { schoolId: 's', staffId: 'ailsa', managerId: 'mia' },
    { schoolId: 's', staffId: 'cal', managerId: 'tom' },
  ];
  const reflections = { lineManagement: async () => map } as unknown as ReflectionStore;
  const schools = { listMembers: async () => [{ id: 'ailsa', name: 'Ailsa Brown' }, { id: 'bea', name: 'Bea Clark' }] } as unknown as SchoolDirectory;
  const org = (answer: OrgDirectory['directReportsOf']): OrgDirectory => ({ directReportsOf: answer });

  it('uses Graph when it knows the manager', async () => {
    expect(await directReportsOf({ org: org(async () => [{ id: 'zed', name: 'Zed' }]), reflections, schools }, 's', 'mia')).toEqual([{ id: 'zed', name: 'Zed' }]);
  });

  it('uses the map, with names the school knows, when Graph has no relation, fails, or in local mode', async () => {
    const expected = [
      { id: 'ailsa', name: 'Ailsa Brown' },
      { id: 'bea', name: 'Bea Clark' },
    ];
    const errors: unknown[] = [];
    expect(await directReportsOf({ org: org(async () => null), reflections, schools }, 's', 'mia')).toEqual(expected);
    expect(await directReportsOf({ org: org(async () => Promise.reject(new Error('down'))), reflections, schools, onOrgError: (e) => errors.push(e) }, 's', 'mia')).toEqual(expected);
    expect(await directReportsOf({ org: null, reflections, schools }, 's', 'mia')).toEqual(expected);
    expect(errors).toHaveLength(1);
  });
});

import { createGraphClient } from '../../../bot/adapters/graph/graphClient';
import { GraphPeopleDirectory } from '../../../bot/adapters/graph/graphPeopleDirectory';
import { GraphDirectoryStandIn } from '../../support/graphDirectoryStandIn';

describe('Graph people directory against a loopback Graph stand-in', () => {
  let graph: GraphDirectoryStandIn;
  let directory: GraphPeopleDirectory;

  beforeEach(async () => {
    graph = await new GraphDirectoryStandIn().start();
    const client = createGraphClient({ baseUrl: graph.url, getToken: async () => graph.token, retryDelaySeconds: 0.05, maxRetries: 2 });
    directory = new GraphPeopleDirectory({ client, concurrency: 2 });
    graph.users.set('ailsa.reid@school.scot', { id: 'u-ailsa', displayName: 'Ailsa Reid' });
    graph.users.set('mia.manager@school.scot', { id: 'u-mia', displayName: 'Mia Manager' });
  });
  afterEach(() => graph.stop());

  it('finds each address by sign-in name with the app token, and null for an unknown one', async () => {
    const found = await directory.findByEmails(['Ailsa.Reid@school.scot', 'mia.manager@school.scot', 'nobody@school.scot', 'mia.manager@school.scot']);
    expect(Object.fromEntries(found)).toEqual({
      'Ailsa.Reid@school.scot': { id: 'u-ailsa', name: 'Ailsa Reid', email: 'Ailsa.Reid@school.scot' },
      'mia.manager@school.scot': { id: 'u-mia', name: 'Mia Manager', email: 'mia.manager@school.scot' },
      'nobody@school.scot': null,
    });
    expect(graph.calls).toHaveLength(3);
    expect(graph.calls[0]!.query.get('$select')).toBe('id,displayName,mail,userPrincipalName');
    expect(graph.calls.every((c) => c.authorization === 'Bearer graph-app-token')).toBe(true);
  });

  it('waits as long as a 429 Retry-After says, then carries on', async () => {
    graph.throttleUserLookups = 1;
    graph.retryAfterSeconds = 1;
    const started = Date.now();
    const found = await directory.findByEmails(['ailsa.reid@school.scot']);
    expect(found.get('ailsa.reid@school.scot')?.id).toBe('u-ailsa');
    expect(graph.calls).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('reports how many distinct addresses have been looked up as it goes', async () => {
    const seen: number[] = [];
    await directory.findByEmails(['ailsa.reid@school.scot', 'mia.manager@school.scot', 'nobody@school.scot', 'ailsa.reid@school.scot'], (done) => seen.push(done));
    expect(seen).toEqual([1, 2, 3]);
  });
});

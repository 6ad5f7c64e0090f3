import { Socket } from 'node:net';
import { Client } from 'pg';
import { openPostgresStores } from '../../../bot/adapters/postgres/openPostgresStores';
import { signUp } from '../../../bot/app/signUp';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies } from '../../factories/dependencies';
import { buildOffer, buildPerson, schoolId } from '../../factories/offers';
import { describeWithPostgres, TestSchema } from '../../support/postgres';

/**
 * What a sign-up asks of PostgreSQL, pinned: a count of statements is exact where a timing is not, and each socket
 * write to the server is a round trip the person waits for (and, on a busy machine, a large share of the CPU).
 */
describeWithPostgres('A sign-up on PostgreSQL', (database) => {
  let schema: TestSchema;
  let stores: Stores;
  let port: number;

  beforeEach(async () => {
    schema = await database.createSchema();
    port = Number(new URL(schema.url).port || 5432);
    stores = await openPostgresStores(schema.url);
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: 'tenant-1' });
  });

  afterEach(async () => {
    await stores.close();
    await schema.drop();
  });

  /** The statements sent and the socket writes to the server that carried them while `work` ran (spies call through). */
  async function counted(work: () => Promise<unknown>): Promise<{ statements: string[]; socketWrites: number }> {
    const query = jest.spyOn(Client.prototype, 'query');
    const writes = (['_write', '_writev'] as const).map((method) => jest.spyOn(Socket.prototype as unknown as Record<typeof method, () => void>, method));
    try {
      await work();
      const statements = query.mock.calls.map(([config]) => {
        const text = typeof config === 'string' ? config : (config as { text: string }).text;
        return text.split(/\s+/).slice(0, 3).join(' ');
      });
      const socketWrites = writes.flatMap((spy) => spy.mock.contexts).filter((socket) => (socket as Socket).remotePort === port).length;
      return { statements, socketWrites };
    } finally {
      query.mockRestore();
      for (const spy of writes) spy.mockRestore();
    }
  }

  it("is five statements in two round trips: BEGIN with the locked read of the seats, then one write with COMMIT (and a new confirmation's calendar token)", async () => {
    const offer = buildOffer({ capacity: 2 });
    await stores.offers.transaction((tx) => tx.insertOffer(offer));
    const deps = buildDependencies(stores);
    await signUp(deps, { offerId: offer.id, person: buildPerson(1) }); // named statements are parsed once per connection

    const waitlistedLater = buildPerson(3);
    const confirmed = await counted(() => signUp(deps, { offerId: offer.id, person: buildPerson(2) }));
    const waitlisted = await counted(() => signUp(deps, { offerId: offer.id, person: waitlistedLater }));
    expect(waitlisted.statements).toEqual(['begin', 'select * from', 'select "counts"."confirmed", "counts"."awaiting",', 'with "saved" as', 'commit']);
    expect(waitlisted.socketWrites).toBe(2);
    // A confirmed person's calendar token is stored (or read) in the round trip that commits, not in a transaction of its own.
    expect(confirmed.statements).toEqual(['begin', 'select * from', 'select "counts"."confirmed", "counts"."awaiting",', 'with "saved" as', 'insert into "calendar_feeds"', 'commit']);
    expect(confirmed.socketWrites).toBe(2);
  });

  it("a confirmed person's card links to the calendar token stored with their sign-up", async () => {
    const offer = buildOffer({ capacity: 1 });
    await stores.offers.transaction((tx) => tx.insertOffer(offer));
    const deps = buildDependencies(stores);
    const person = buildPerson(1);

    const view = await signUp(deps, { offerId: offer.id, person });

    const stored = await stores.calendarFeeds.tokenFor(person.id, 'a-later-candidate', new Date());
    expect(stored).not.toBe('a-later-candidate');
    expect(view.calendarLinks?.feedUrl).toContain(stored);
    expect(await stores.calendarFeeds.personWithToken(stored)).toBe(person.id);
  });

  it('signing up again changes nothing and writes nothing', async () => {
    const offer = buildOffer();
    await stores.offers.transaction((tx) => tx.insertOffer(offer));
    const deps = buildDependencies(stores);
    await signUp(deps, { offerId: offer.id, person: buildPerson(1) });

    const again = await counted(() => signUp(deps, { offerId: offer.id, person: buildPerson(1) }));
    expect(again.statements).toEqual(['begin', 'select * from', 'select "counts"."confirmed", "counts"."awaiting",', 'commit']);
    expect(again.socketWrites).toBe(2);
  });

  it("sign-ups to different offers arriving together, and the first sighting of their people, share one transaction in two round trips", async () => {
    const offers = [buildOffer({ capacity: 1 }), buildOffer({ capacity: 1 }), buildOffer({ capacity: 1 })];
    for (const offer of offers) await stores.offers.transaction((tx) => tx.insertOffer(offer));
    const deps = buildDependencies(stores);
    await signUp(deps, { offerId: offers[0]!.id, person: buildPerson(9) }); // named statements are parsed once per connection
    const people = [buildPerson(1), buildPerson(2), buildPerson(3)];

    let views: Awaited<ReturnType<typeof signUp>>[] = [];
    const together = await counted(async () => {
      [views] = await Promise.all([
        Promise.all(offers.map((offer, i) => signUp(deps, { offerId: offer.id, person: people[i]! }))),
        stores.schools.recordMembers(people.map((person) => ({ schoolId, person }))),
        stores.addresses.saveAllIfAbsent(people.map((person) => ({ key: { kind: 'person' as const, personId: person.id }, address: `address of ${person.id}` }))),
      ]);
    });

    expect(views.map((view) => view.standing.kind)).toEqual(['waitlisted', 'confirmed', 'confirmed']);
    expect(together.statements.filter((s) => s === 'begin')).toHaveLength(1);
    expect(together.statements.filter((s) => s === 'commit')).toHaveLength(1);
    expect(together.socketWrites).toBe(2);
    expect((await stores.schools.listMembers(schoolId)).map((member) => member.id)).toEqual(expect.arrayContaining(people.map((person) => person.id)));
    expect(await stores.addresses.find({ kind: 'person', personId: people[2]!.id })).toBe(`address of ${people[2]!.id}`);
  });
});

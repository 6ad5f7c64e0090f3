import { openPostgresStores } from '../../../bot/adapters/postgres/openPostgresStores';
import { describeWithPostgres, TestSchema } from '../../support/postgres';
import { describeStoreContract, StoreHarness, useStoreFixture } from '../sql/storeContract';

describeWithPostgres('PostgreSQL store tests', (database) => {
  let schema: TestSchema | null = null;
  const current = (): TestSchema => {
    if (!schema) throw new Error('no test schema: setUp has not run');
    return schema;
  };

  /** A fresh schema per test in the test database; the app reaches it through the URL's search_path. */
  const harness: StoreHarness = {
    async setUp() {
      schema = await database.createSchema();
    },
    async tearDown() {
      await schema?.drop();
      schema = null;
    },
    open: () => openPostgresStores(current().url),
    inspect: (query, ...params) => current().query(query, ...params),
    execute: async (statement, ...params) => void (await current().query(statement, ...params)),
    breakDeletesOn: async (table) => {
      await current().query(`create function break_deletes() returns trigger language plpgsql as $$ begin raise exception 'disk on fire'; end $$`);
      await current().query(`create trigger break_deletes before delete on ${table} for each row execute function break_deletes()`);
    },
    tables: async () =>
      (await current().query<{ table_name: string }>('select table_name from information_schema.tables where table_schema = ?', current().name)).map(
        (t) => t.table_name,
      ),
    location: () => current().url,
    // SQLSTATE foreign_key_violation and check_violation.
    constraintErrors: { foreignKey: { code: '23503' }, check: { code: '23514' } },
  };
  const db = useStoreFixture(harness);

  describeStoreContract(harness, db);

  describe('PostgreSQL specifics', () => {
    it('everything the app creates lives in the schema of its connection, nothing in public', async () => {
      const publicTables = () =>
        current().query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public' order by table_name");
      const before = await publicTables();
      await db.open();
      expect(await publicTables()).toEqual(before);
      expect(await harness.tables()).toEqual(expect.arrayContaining(['offers', 'signups', 'kysely_migration', 'kysely_migration_lock']));
    });

    it('two deployments in one database, each in its own schema, migrate and keep their data separately', async () => {
      const ours = await db.open();
      await ours.schools.upsertSchool({ id: 'team-1', name: 'Ours', tenantId: null });

      const sibling = await database.createSchema();
      try {
        const theirs = await openPostgresStores(sibling.url);
        try {
          expect((await sibling.query<{ name: string }>('select name from kysely_migration order by name'))[0]?.name).toBe('0001_offers_and_signups');
          expect(await theirs.schools.findSchool('team-1')).toBeUndefined();
          await theirs.schools.upsertSchool({ id: 'team-2', name: 'Theirs', tenantId: null });
        } finally {
          await theirs.close();
        }
        expect((await ours.schools.listSchools()).map((s) => s.id)).toEqual(['team-1']);
      } finally {
        await sibling.drop();
      }
    });

    it('instances starting together on an empty database migrate it once', async () => {
      const opened = await Promise.all([db.open(), db.open(), db.open()]);
      const migrations = await db.inspect<{ name: string }>('select name from kysely_migration order by name');
      expect(migrations.map((m) => m.name)[0]).toBe('0001_offers_and_signups');
      expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
      await opened[0]!.schools.upsertSchool({ id: 'team-1', name: 'One', tenantId: null });
      expect(await opened[2]!.schools.findSchool('team-1')).toMatchObject({ id: 'team-1' });
    });

    it('the store describes itself by host, port and database, never the user or password', async () => {
      const stores = await db.open();
      const url = new URL(current().url);
      expect(stores.describe).toBe(`PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`);
    });

    it('a test schema is dropped with everything in it, leaving nothing behind', async () => {
      const extra = await database.createSchema();
      const stores = await openPostgresStores(extra.url);
      await stores.close();
      await extra.drop();
      expect(await database.testSchemas()).not.toContain(extra.name);
    });
  });
});

import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { describeStoreContract, StoreHarness, useStoreFixture } from '../sql/storeContract';

/** A fresh file per test, in a folder that does not exist yet (the first open creates it). */
function sqliteHarness(): StoreHarness & { file(): string } {
  let dir = '';
  let file = '';

  /** Looks at the file directly, as an operator would with the sqlite3 shell. */
  function inspect<T>(query: string, ...params: unknown[]): T[] {
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      return raw.prepare(query).all(...params) as T[];
    } finally {
      raw.close();
    }
  }

  return {
    async setUp() {
      dir = mkdtempSync(join(tmpdir(), 'clpl-sqlite-'));
      file = join(dir, 'data', 'clpl.sqlite');
    },
    async tearDown() {
      rmSync(dir, { recursive: true, force: true });
    },
    open: () => openSqliteStores(file),
    inspect: async (query, ...params) => inspect(query, ...params),
    execute: async (statement, ...params) => {
      const raw = new BetterSqlite3(file);
      try {
        raw.prepare(statement).run(...params);
      } finally {
        raw.close();
      }
    },
    breakDeletesOn: async (table) => {
      const raw = new BetterSqlite3(file);
      try {
        raw.exec(`create trigger break_deletes_${table} before delete on ${table} begin select raise(abort, 'disk on fire'); end;`);
      } finally {
        raw.close();
      }
    },
    tables: async () => inspect<{ name: string }>("select name from sqlite_master where type = 'table'").map((t) => t.name),
    location: () => file,
    constraintErrors: { foreignKey: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, check: { code: 'SQLITE_CONSTRAINT_CHECK' } },
    file: () => file,
  };
}

describe('SQLite stores', () => {
  const harness = sqliteHarness();
  const db = useStoreFixture(harness);

  describeStoreContract(harness, db);

  describe('the SQLite file', () => {
    it('the first open creates the file, its folder and the schema, in WAL mode', async () => {
      expect(existsSync(harness.file())).toBe(false);
      await db.open();
      expect(existsSync(harness.file())).toBe(true);
      const tables = await harness.tables();
      expect(tables).toEqual(
        expect.arrayContaining(['schools', 'channels', 'school_members', 'addresses', 'offers', 'signups', 'offer_cards', 'outbox']),
      );
      expect((await db.inspect<{ journal_mode: string }>('pragma journal_mode'))[0]?.journal_mode).toBe('wal');
    });

    it('the store describes itself by its file', async () => {
      const stores = await db.open();
      expect(stores.describe).toBe(`SQLite file ${harness.file()}`);
    });
  });
});

import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { prepared } from '../../../bot/adapters/sql/prepared';
import { Database } from '../../../bot/adapters/sql/schema';

/** Kysely instances that only compile: enough to see the SQL a prepared statement binds for each database. */
const postgres = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const sqlite = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

describe('a prepared statement', () => {
  const tokenOf = prepared<{ person_id: string }, { token: string }>(['person_id'], (db, p) =>
    db.selectFrom('calendar_feeds').select('token').where('person_id', '=', p.person_id),
  );

  it('binds the values by position into SQL compiled once', () => {
    const first = tokenOf.bind(sqlite, { person_id: 'aad-1' });
    const second = tokenOf.bind(sqlite, { person_id: 'aad-2' });
    expect(first.sql).toBe('select "token" from "calendar_feeds" where "person_id" = ?');
    expect([first.parameters, second.parameters]).toEqual([['aad-1'], ['aad-2']]);
    expect(second.name).toBe(first.name);
  });

  it('is compiled for each database it meets: one process may use SQLite and PostgreSQL', () => {
    const onSqlite = tokenOf.bind(sqlite, { person_id: 'aad-1' });
    const onPostgres = tokenOf.bind(postgres, { person_id: 'aad-1' });
    const onSqliteAgain = tokenOf.bind(sqlite, { person_id: 'aad-1' });
    expect(onPostgres.sql).toBe('select "token" from "calendar_feeds" where "person_id" = $1');
    expect(onSqliteAgain.sql).toBe(onSqlite.sql);
    expect(onPostgres.name).not.toBe(onSqlite.name);
  });
});

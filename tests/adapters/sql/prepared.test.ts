import {
  DatabaseIntrospector,
  DialectAdapter,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  QueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { prepared } from '../../../bot/adapters/sql/prepared';
import { Database } from '../../../bot/adapters/sql/schema';

/** A Kysely instance that only compiles: enough to see the SQL a prepared statement binds for a database. */
function compilingOnly(parts: { adapter: DialectAdapter; compiler: QueryCompiler; introspector: (db: Kysely<any>) => DatabaseIntrospector }): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => parts.adapter,
      createDriver: () => new DummyDriver(),
      createIntrospector: parts.introspector,
      createQueryCompiler: () => parts.compiler,
    },
  });
}

const postgres = compilingOnly({ adapter: new PostgresAdapter(), compiler: new PostgresQueryCompiler(), introspector: (db) => new PostgresIntrospector(db) });
const sqlite = compilingOnly({ adapter: new SqliteAdapter(), compiler: new SqliteQueryCompiler(), introspector: (db) => new SqliteIntrospector(db) });

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

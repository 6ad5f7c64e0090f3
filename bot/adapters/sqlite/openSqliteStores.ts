import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { Stores } from '../../ports/stores';
import { Database as Tables } from '../sql/schema';
import { openSqlStores } from '../sql/sqlStores';

/** The embedded default: one SQLite file, created on first start, in WAL mode so readers never wait for the writer. */
export async function openSqliteStores(file: string): Promise<Stores> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  // A short busy timeout: waiting longer for another process's lock happens asynchronously (transactions.ts).
  const sqlite = new Database(file, { timeout: 50 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return openSqlStores(db, 'sqlite', `SQLite file ${file}`);
}

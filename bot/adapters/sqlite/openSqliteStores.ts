import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDatabase, SqliteStatement } from 'kysely';
import { PatientSqliteDialect } from './patientSqliteDialect';
import { Stores } from '../../ports/stores';
import { Database as Tables } from '../sql/schema';
import { openSqlStores } from '../sql/sqlStores';
import { RunStatement } from '../sql/prepared';
import { groupCommitTransactions } from './groupCommit';

/** The embedded default: one SQLite file, created on first start, in WAL mode so readers never wait for the writer. */
export async function openSqliteStores(file: string): Promise<Stores> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  // A short busy timeout: waiting longer for another process's lock happens asynchronously (patientSqliteDialect.ts).
  const sqlite = new Database(file, { timeout: 50 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Tables>({ dialect: new PatientSqliteDialect({ database: statements }, sqlite) });
  return openSqlStores(db, 'sqlite', `SQLite file ${file}`, { offerTransactions: { transactions: groupCommitTransactions(db, runDirectly(statements)) } });
}

/**
 * Runs a statement on the connection straight away, without Kysely's per-query machinery (a third of a sign-up's
 * database time). Only for use inside a write transaction: Kysely then holds the one connection for us, so no other
 * query can interleave, and BEGIN IMMEDIATE holds the write lock, so the statement cannot meet a busy database.
 */
function runDirectly(statements: SqliteDatabase): RunStatement {
  return ({ sql, parameters }) => {
    const statement = statements.prepare(sql);
    if (statement.reader) return Promise.resolve(statement.all(parameters));
    statement.run(parameters);
    return Promise.resolve([]);
  };
}

/**
 * Kysely prepares every statement anew; preparing is a large share of a small query's cost in SQLite, and the app
 * runs the same few statements all day, so prepared statements are kept (bounded, oldest dropped first).
 */
function withStatementCache(sqlite: Database.Database, limit = 500): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql) as unknown as SqliteStatement;
        if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

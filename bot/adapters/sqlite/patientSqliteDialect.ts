import type { Database as BetterSqlite } from 'better-sqlite3';
import { CompiledQuery, DatabaseConnection, Driver, QueryResult, SqliteDialect, SqliteDialectConfig } from 'kysely';

/**
 * better-sqlite3 waits for a lock held by another process by blocking the whole thread, so its busy timeout is kept
 * short and a statement that finds the database locked is retried here, asynchronously, with a growing pause. This
 * covers `BEGIN IMMEDIATE` and single-statement writes alike; inside a transaction the lock is already ours.
 */
export class PatientSqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: BetterSqlite,
    private readonly maxWaitMs = 15_000,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const sqlite = this.sqlite;
    const maxWaitMs = this.maxWaitMs;
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => patient(await acquire(), sqlite, maxWaitMs);
    return driver;
  }
}

function patient(connection: DatabaseConnection, sqlite: BetterSqlite, maxWaitMs: number): DatabaseConnection {
  return {
    streamQuery: connection.streamQuery.bind(connection),
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const started = Date.now();
      for (let attempt = 0; ; attempt++) {
        try {
          return await connection.executeQuery<R>(query);
        } catch (error) {
          const busy = (error as { code?: string }).code === 'SQLITE_BUSY';
          if (!busy || sqlite.inTransaction || Date.now() - started > maxWaitMs) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.min(100, 2 ** attempt) * (0.5 + Math.random())));
        }
      }
    },
  };
}

import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/**
 * PostgreSQL for tests. The suites that need it run when CLPL_TEST_DATABASE_URL is set, and always when CI=true
 * (against the default URL unless the variable says otherwise), where a missing server fails them. Elsewhere they are
 * skipped with a one-line notice, so `npm test` passes on a laptop without a database server.
 *
 * Every test gets its own schema in that database (`clpl_t_<time>_<random>`), reached through a connection string whose
 * `options` set the search_path, so the app's own `openPostgresStores(url)` is used unchanged and runs never collide.
 */
export const testDatabaseVariable = 'CLPL_TEST_DATABASE_URL';
export const defaultTestDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/test';

export type PostgresTestSetting = { enabled: true; url: string; why: string } | { enabled: false; notice: string };

export function postgresTestSetting(env: Record<string, string | undefined> = process.env): PostgresTestSetting {
  const url = env[testDatabaseVariable]?.trim();
  if (url) return { enabled: true, url, why: `${testDatabaseVariable} is set` };
  if (env.CI === 'true' || env.CI === '1') return { enabled: true, url: defaultTestDatabaseUrl, why: 'CI=true' };
  return { enabled: false, notice: `set ${testDatabaseVariable}=${defaultTestDatabaseUrl} to run them` };
}

/**
 * `describe` for a suite that needs PostgreSQL: declared normally when enabled (and then failing if the server cannot
 * be reached), otherwise declared skipped after one line on stderr saying how to enable it.
 */
export function describeWithPostgres(name: string, suite: (database: PostgresTestDatabase) => void): void {
  const setting = postgresTestSetting();
  if (!setting.enabled) {
    process.stderr.write(`${name} skipped: ${setting.notice}\n`);
    describe.skip(name, () => suite(new PostgresTestDatabase(defaultTestDatabaseUrl, 'skipped')));
    return;
  }
  const database = new PostgresTestDatabase(setting.url, setting.why);
  describe(name, () => {
    // Jest runs hooks of one block in the order they are declared: connect before the suite's own, close after them.
    beforeAll(() => database.connect());
    suite(database);
    afterAll(() => database.close());
  });
}

export interface TestSchema {
  name: string;
  /** The test database's URL with this schema as the search_path: what the app is given as DATABASE_URL. */
  url: string;
  /** Reads directly, outside the app's stores; `?` placeholders, as in the SQLite tests. */
  query<T>(text: string, ...params: unknown[]): Promise<T[]>;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

const schemaPrefix = 'clpl_t_';
/** Schemas left behind by a run that was killed are dropped by a later run once they are this old. */
const abandonedAfterMs = 6 * 60 * 60 * 1000;

export class PostgresTestDatabase {
  private admin: Pool | null = null;
  private readonly live = new Set<string>();

  constructor(
    readonly url: string,
    private readonly why: string,
  ) {}

  /** Checks the server is there (failing with a clear message when it is not) and clears up abandoned schemas. */
  async connect(): Promise<void> {
    const admin = new Pool({ connectionString: this.url, max: 2, connectionTimeoutMillis: 5_000 });
    admin.on('error', () => undefined);
    try {
      await admin.query('select 1');
    } catch (error) {
      await admin.end().catch(() => undefined);
      throw new Error(
        `PostgreSQL tests are required here (${this.why}) but ${redacted(this.url)} cannot be reached: ${(error as Error).message}. ` +
          `Start the server, or point ${testDatabaseVariable} at one.`,
      );
    }
    this.admin = admin;
    await this.dropAbandonedSchemas();
  }

  /** Drops any schema a test failed to drop (and then fails, so the leak is noticed) and disconnects. */
  async close(): Promise<void> {
    const left = [...this.live];
    try {
      for (const name of left) await this.admin?.query(`drop schema if exists ${name} cascade`);
    } finally {
      await this.admin?.end();
      this.admin = null;
    }
    if (left.length > 0) throw new Error(`test schemas were not dropped by their tests (now dropped): ${left.join(', ')}`);
  }

  async createSchema(): Promise<TestSchema> {
    const admin = this.requireAdmin();
    const name = `${schemaPrefix}${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
    await admin.query(`create schema ${name}`);
    this.live.add(name);
    const live = this.live;
    const url = withSearchPath(this.url, name);
    let reader: Pool | null = null;
    return {
      name,
      url,
      async query<T>(text: string, ...params: unknown[]): Promise<T[]> {
        reader ??= new Pool({ connectionString: url, max: 1 });
        let n = 0;
        const result = await reader.query(text.replace(/\?/g, () => `$${++n}`), params);
        return result.rows as T[];
      },
      async drop() {
        await reader?.end();
        reader = null;
        await admin.query(`drop schema if exists ${name} cascade`);
        live.delete(name);
      },
    };
  }

  /** Names of the test schemas that exist now (to check that nothing is left behind). */
  async testSchemas(): Promise<string[]> {
    const result = await this.requireAdmin().query<{ nspname: string }>('select nspname from pg_namespace where nspname like $1', [`${schemaPrefix}%`]);
    return result.rows.map((r) => r.nspname);
  }

  private async dropAbandonedSchemas(): Promise<void> {
    for (const name of await this.testSchemas()) {
      const createdAt = parseInt(name.slice(schemaPrefix.length).split('_')[0] ?? '', 36);
      if (Number.isFinite(createdAt) && Date.now() - createdAt > abandonedAfterMs) {
        await this.requireAdmin().query(`drop schema if exists ${name} cascade`);
      }
    }
  }

  private requireAdmin(): Pool {
    if (!this.admin) throw new Error('PostgresTestDatabase.connect() has not run');
    return this.admin;
  }
}

/** Adds `-c search_path=<schema>` to the connection's startup options (node-postgres passes `options` on). */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  const existing = parsed.searchParams.get('options');
  parsed.searchParams.set('options', `${existing ? `${existing} ` : ''}-c search_path=${schema}`);
  return parsed.toString();
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

import { createHash } from 'node:crypto';
import { Compilable, CompiledQuery, Kysely } from 'kysely';
import { Database } from './schema';

const markerPrefix = '\u0000param:';

/** One compiled statement with positional parameters; a `name` lets PostgreSQL parse and plan it once per connection. */
export interface Statement {
  sql: string;
  parameters: readonly unknown[];
  name?: string;
}

/** Runs one statement: the rows of a query, none for a write. */
export type RunStatement = (statement: Statement) => Promise<unknown[]>;

/** Where statements of one write transaction run. `db` only builds and compiles them; `run` and `write` execute. */
export interface StatementTarget {
  db: Kysely<Database>;
  /** A read, or a write whose outcome the caller needs before going on. */
  run: RunStatement;
  /**
   * A write whose rows nobody needs. Where the driver pipelines (PostgreSQL) it is sent at once and awaited together
   * with COMMIT, so a transaction's last writes and its COMMIT share one round trip; a failure still fails the whole
   * transaction. Elsewhere it simply runs.
   */
  write(statement: Statement): Promise<void>;
  /**
   * A write whose rows are read once the transaction has committed: sent as `write` sends (pipelined, it shares COMMIT's
   * round trip instead of costing one more while the transaction holds its locks); `rows` settles with its answer.
   */
  writeReturning(statement: Statement): Promise<AnswerAfterCommit<unknown[]>>;
}

/** What a statement sent by `writeReturning` answered; awaited after commit (it fails if the transaction does). */
export interface AnswerAfterCommit<T> {
  answer: Promise<T>;
}

function runThroughKysely(db: Kysely<Database>): RunStatement {
  return async ({ sql, parameters }) => (await db.executeQuery(CompiledQuery.raw(sql, [...parameters]))).rows;
}

/** Statements run one after another through `run` (Kysely's own transaction, or SQLite's connection). */
export function sequentialTarget(db: Kysely<Database>, run: RunStatement = runThroughKysely(db)): StatementTarget {
  return {
    db,
    run,
    async write(statement) {
      await run(statement);
    },
    async writeReturning(statement) {
      return { answer: Promise.resolve(await run(statement)) };
    },
  };
}

/** A query built with Kysely, as a statement for a target (compiled anew: for the statements off the hot path). */
export function statementOf(query: Compilable<unknown>): Statement {
  const { sql, parameters } = query.compile();
  return { sql, parameters };
}

export interface PreparedStatement<Params, Row> {
  /** The statement with these values bound; compiled on first use only. */
  bind(db: Kysely<Database>, values: Params): Statement;
  /** Runs it and returns its rows. */
  run(target: StatementTarget, values: Params): Promise<Row[]>;
  /** Runs it as a write whose rows are not needed (see StatementTarget.write). */
  write(target: StatementTarget, values: Params): Promise<void>;
  /** Runs it as a write whose rows are read after commit (see StatementTarget.writeReturning). */
  writeReturning(target: StatementTarget, values: Params): Promise<AnswerAfterCommit<Row[]>>;
}

/**
 * A query built and compiled by Kysely once, then run many times with new values. Kysely builds and compiles every
 * query on every call, which showed as a large share of a sign-up's CPU; the few statements on that path are
 * prepared like this. Each value named in `names` is bound by position; anything else stays as compiled. The
 * statement is named after its SQL, so PostgreSQL parses and plans it once per connection rather than on every call.
 */
export function prepared<Params extends object, Row>(
  names: ReadonlyArray<keyof Params & string>,
  build: (db: Kysely<Database>, params: Params) => Compilable<Row>,
): PreparedStatement<Params, Row> {
  // Compiled once per SQL dialect: one process may open both stores (the tests do), and their SQL differs.
  const compiledFor = new Map<unknown, Compiled>();
  const compile = (db: Kysely<Database>): Compiled => {
    const markers = Object.fromEntries(names.map((name) => [name, `${markerPrefix}${name}`])) as unknown as Params;
    const query = build(db, markers).compile();
    return {
      name: `clpl_${createHash('sha1').update(query.sql).digest('hex').slice(0, 16)}`,
      sql: query.sql,
      slots: query.parameters.map((p) => (typeof p === 'string' && p.startsWith(markerPrefix) ? { name: p.slice(markerPrefix.length) } : { value: p })),
    };
  };
  const bind = (db: Kysely<Database>, values: Params): Statement => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = compiledFor.get(dialect);
    if (!compiled) {
      compiled = compile(db);
      compiledFor.set(dialect, compiled);
    }
    const parameters = compiled.slots.map((slot) => ('name' in slot ? (values as Record<string, unknown>)[slot.name] : slot.value));
    return { name: compiled.name, sql: compiled.sql, parameters };
  };
  return {
    bind,
    run: async (target, values) => (await target.run(bind(target.db, values))) as Row[],
    write: (target, values) => target.write(bind(target.db, values)),
    writeReturning: (target, values) => target.writeReturning(bind(target.db, values)) as Promise<AnswerAfterCommit<Row[]>>,
  };
}

interface Compiled {
  name: string;
  sql: string;
  slots: Array<{ name: string } | { value: unknown }>;
}

import { Compilable, CompiledQuery, Kysely } from 'kysely';
import { Database } from './schema';

const markerPrefix = '\u0000param:';

/** Runs one compiled statement with positional parameters: the rows of a query, none for a write. */
export type RunStatement = (sql: string, parameters: readonly unknown[]) => Promise<unknown[]>;

/** Where a prepared statement runs: `db` compiles it (once), `run` executes it. */
export interface StatementTarget {
  db: Kysely<Database>;
  run: RunStatement;
}

export function runThroughKysely(db: Kysely<Database>): RunStatement {
  return async (sql, parameters) => (await db.executeQuery(CompiledQuery.raw(sql, [...parameters]))).rows;
}

/**
 * A query built and compiled by Kysely once, then run many times with new values. Kysely builds and compiles every
 * query on every call, which showed as a large share of a sign-up's CPU; the few statements on that path are
 * prepared like this. Each value named in `names` is bound by position; anything else stays as compiled.
 */
export function prepared<Params extends object, Row>(
  names: ReadonlyArray<keyof Params & string>,
  build: (db: Kysely<Database>, params: Params) => Compilable<Row>,
): (target: StatementTarget, values: Params) => Promise<Row[]> {
  let compiled: { sql: string; slots: Array<{ name: string } | { value: unknown }> } | null = null;
  return async (target, values) => {
    if (!compiled) {
      const markers = Object.fromEntries(names.map((name) => [name, `${markerPrefix}${name}`])) as unknown as Params;
      const query = build(target.db, markers).compile();
      compiled = {
        sql: query.sql,
        slots: query.parameters.map((p) => (typeof p === 'string' && p.startsWith(markerPrefix) ? { name: p.slice(markerPrefix.length) } : { value: p })),
      };
    }
    const parameters = compiled.slots.map((slot) => ('name' in slot ? (values as Record<string, unknown>)[slot.name] : slot.value));
    return (await target.run(compiled.sql, parameters)) as Row[];
  };
}

import { CreateTableBuilder, Kysely } from 'kysely';
import { Dialect } from '../schema';

/** What a migration may need to know about the database it runs on; only types that differ by dialect go here. */
export interface MigrationContext {
  dialect: Dialect;
  /** A new table whose first column is an auto-incrementing integer primary key `id`. */
  autoIncrementId(db: Kysely<unknown>, table: string): CreateTableBuilder<string, 'id'>;
  /** The column type for epoch milliseconds (64-bit in both). */
  epochMs: 'bigint' | 'integer';
}

export function migrationContext(dialect: Dialect): MigrationContext {
  return {
    dialect,
    autoIncrementId: (db, table) =>
      dialect === 'postgres'
        ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
        : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    epochMs: dialect === 'postgres' ? 'bigint' : 'integer',
  };
}

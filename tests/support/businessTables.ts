import Database from 'better-sqlite3';

/**
 * Tables that record the app's own bookkeeping, not anything a person did: the Teams send budget (slots used, pauses
 * after a 429; a reply in a turn draws on it) and migrations.
 */
const bookkeeping = new Set(['send_slots', 'send_pauses', 'kysely_migration', 'kysely_migration_lock']);

/**
 * Every business table of a SQLite store, row by row, as text: two dumps are equal exactly when nothing a person could
 * see or that the bot will act on has changed. Read through a connection of its own (WAL: it sees what is committed).
 */
export function dumpBusinessTables(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name)
      .filter((name) => !bookkeeping.has(name));
    const dump: Record<string, unknown[]> = {};
    for (const table of tables) dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
    return JSON.stringify(dump, (_key, value) => (Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? value.toString() : value));
  } finally {
    db.close();
  }
}

import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A consistent copy of the SQLite store while the app keeps running, through SQLite's online backup API (pages are
 * copied in steps; a write by the app restarts the copy of what changed, so the result is one point in time).
 */
export async function backupSqlite(source: string, destination: string, onProgress: (percent: number) => void = () => undefined): Promise<void> {
  if (!existsSync(source)) throw new Error(`There is no database at ${source}`);
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose a new file so no backup is overwritten`);
  mkdirSync(dirname(destination), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    await db.backup(destination, {
      progress({ totalPages, remainingPages }) {
        onProgress(totalPages === 0 ? 100 : Math.round(((totalPages - remainingPages) / totalPages) * 100));
        return 200;
      },
    });
    onProgress(100);
  } finally {
    db.close();
  }
}

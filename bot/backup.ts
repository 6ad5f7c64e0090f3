import 'dotenv/config';
import { backupSqlite } from './adapters/sqlite/backupSqlite';

// `npm run backup [destination]`: copies the embedded SQLite store while the app runs. PostgreSQL deployments use the
// database's own backups instead (see README, "Backup and restore").
async function main(): Promise<void> {
  if (process.env.DATABASE_URL) {
    console.error('DATABASE_URL is set: this deployment uses PostgreSQL. Back it up with its own tools (see README).');
    process.exit(2);
  }
  const source = process.env.SQLITE_FILE ?? './data/clpl.sqlite';
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const destination = process.argv[2] ?? `./data/backups/clpl-${stamp}.sqlite`;
  await backupSqlite(source, destination, (percent) => process.stdout.write(`\rBacking up ${source}: ${percent}%`));
  process.stdout.write(`\nBackup written to ${destination}\n`);
}

main().catch((error: unknown) => {
  console.error(`\nBackup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

/**
 * A second process for the last-seat race in storeContract.ts (not a test itself): opens its own stores on the given
 * database (a postgres:// URL, else a SQLite file), says "ready", waits for "go" on stdin, fires its sign-ups all at
 * once through the app use case and prints one JSON line with the outcomes. With a spread, the sign-ups start over that
 * many milliseconds instead of all in the same tick, so the two processes' transactions interleave rather than one
 * running all of its own first.
 *
 * Usage: node --import tsx signUpProcess.ts <database> <offerId> <firstPerson> <count> [spreadMs]
 */
import { openPostgresStores } from '../../../bot/adapters/postgres/openPostgresStores';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { signUp } from '../../../bot/app/signUp';
import { buildDependencies } from '../../factories/dependencies';
import { buildPerson } from '../../factories/offers';

export interface SignUpProcessResult {
  pid: number;
  outcomes: Array<{ personId: string; standing?: string; position?: number; error?: string; finishedAt: number }>;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const [database, offerId, first, count, spread = '0'] = process.argv.slice(2);
  if (!database || !offerId || !first || !count) throw new Error('usage: signUpProcess.ts <database> <offerId> <firstPerson> <count> [spreadMs]');
  const stores = /^postgres(ql)?:\/\//.test(database) ? await openPostgresStores(database) : await openSqliteStores(database);
  const deps = buildDependencies(stores);
  process.stdout.write('ready\n');
  // Ends with the test run if it goes away without saying "go" (its end of stdin closes).
  process.stdin.once('end', () => process.exit(3));
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));

  const people = Array.from({ length: Number(count) }, (_, i) => buildPerson(Number(first) + i));
  const outcomes = await Promise.all(
    people.map((person, i) =>
      delay((Number(spread) * i) / people.length)
        .then(() => signUp(deps, { offerId, person }))
        .then(
          ({ standing }) => ({
            personId: person.id,
            standing: standing.kind,
            ...(standing.kind === 'waitlisted' ? { position: standing.position } : {}),
            finishedAt: Date.now(),
          }),
          (error: unknown) => ({ personId: person.id, error: String(error), finishedAt: Date.now() }),
        ),
    ),
  );
  await stores.close();
  const result: SignUpProcessResult = { pid: process.pid, outcomes };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stdin.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});

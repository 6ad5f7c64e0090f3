import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { groupCommitTransactions } from '../../../bot/adapters/sqlite/groupCommit';
import { RunStatement, Statement, StatementTarget } from '../../../bot/adapters/sql/prepared';
import { Database as Tables } from '../../../bot/adapters/sql/schema';
import { WriteTransactions } from '../../../bot/adapters/sql/transactions';

/** Group commit on a real SQLite file, with two tables of its own: a parent and rows that must point at one. */
describe('SQLite write transactions committed together', () => {
  let dir: string;
  let sqlite: Database.Database;
  let db: Kysely<Tables>;
  let sent: string[];
  let transactions: WriteTransactions;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clpl-group-commit-'));
    sqlite = new Database(join(dir, 'test.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec('create table parents (id text primary key); create table rows (id text primary key, parent text references parents (id))');
    sqlite.exec("insert into parents values ('p')");
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
    sent = [];
    const run: RunStatement = async ({ sql, parameters }) => {
      sent.push(sql);
      const statement = sqlite.prepare(sql);
      if (statement.reader) return statement.all(...parameters);
      statement.run(...parameters);
      return [];
    };
    transactions = groupCommitTransactions(db, run);
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (id: string, parent = 'p'): Statement => ({ sql: 'insert into rows (id, parent) values (?, ?)', parameters: [id, parent] });
  const stored = () => (sqlite.prepare('select id from rows order by id').all() as Array<{ id: string }>).map((r) => r.id);
  const writing = (id: string) => (target: StatementTarget) => target.write(insert(id)).then(() => id);

  it('transactions that queue behind a running one share the next commit, each in a savepoint of its own', async () => {
    const results = await Promise.all(['a', 'b', 'c'].map((id) => transactions(writing(id))));

    expect(results).toEqual(['a', 'b', 'c']);
    expect(stored()).toEqual(['a', 'b', 'c']);
    // The first found the writer free and ran alone; the two that queued meanwhile were committed together.
    expect(sent.filter((s) => s === 'savepoint member')).toHaveLength(2);
    expect(sent.filter((s) => s === 'release member')).toHaveLength(2);
  });

  it('each transaction reads what those before it in the group wrote', async () => {
    const counts = await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        transactions(async (target) => {
          const [row] = (await target.run({ sql: 'select count(*) as n from rows', parameters: [] })) as Array<{ n: number }>;
          await target.write(insert(id));
          return row!.n;
        }),
      ),
    );
    expect(counts).toEqual([0, 1, 2]);
  });

  it('one that fails is rolled back alone: the others in its group are committed', async () => {
    const outcomes = await Promise.allSettled([
      transactions(writing('a')),
      transactions(writing('b')),
      transactions(async (target) => {
        await target.write(insert('c'));
        throw new Error('signups_closed');
      }),
      transactions(writing('d')),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new Error('signups_closed'));
    expect(stored()).toEqual(['a', 'b', 'd']);
  });

  it('when the shared COMMIT fails, every transaction in the group is told so and none of them is stored', async () => {
    const first = transactions(writing('a')); // runs alone, so the next three form a group
    const group = Promise.allSettled([
      transactions(writing('b')),
      // A deferred foreign key is only checked at COMMIT: this one fails the commit of the whole group.
      transactions(async (target) => {
        await target.run({ sql: 'pragma defer_foreign_keys = on', parameters: [] });
        await target.write(insert('orphan', 'no-such-parent'));
        return 'orphan';
      }),
      transactions(writing('c')),
    ]);

    await expect(first).resolves.toBe('a');
    const outcomes = await group;
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/i);
    expect(stored()).toEqual(['a']);
    // The writer is free again afterwards.
    await expect(transactions(writing('e'))).resolves.toBe('e');
    expect(stored()).toEqual(['a', 'e']);
  });

  it('a transaction that finds the writer free is not kept waiting for others', async () => {
    await expect(transactions(writing('a'))).resolves.toBe('a');
    expect(sent).toEqual(['insert into rows (id, parent) values (?, ?)']);
  });
});

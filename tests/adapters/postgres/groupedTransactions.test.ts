import { Client } from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { pipelinedTransactions } from '../../../bot/adapters/postgres/pipelinedTransactions';
import { Database } from '../../../bot/adapters/sql/schema';
import { WriteTransactions } from '../../../bot/adapters/sql/transactions';
import { describeWithPostgres, TestSchema } from '../../support/postgres';

/**
 * Write transactions that each lock one row, named by a key, and wait for a connection together run in one
 * PostgreSQL transaction: one BEGIN and one COMMIT between them. Each must still behave exactly as if alone.
 */
describeWithPostgres('Write transactions grouped into one PostgreSQL transaction', (database) => {
  let schema: TestSchema;
  let pool: Pool;
  let db: Kysely<Database>;

  beforeEach(async () => {
    schema = await database.createSchema();
    pool = new Pool({ connectionString: schema.url, max: 3, pipeline: true } as ConstructorParameters<typeof Pool>[0]);
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await sql`create table seats (id int primary key, taken int not null)`.execute(db);
    await sql`insert into seats select n, 0 from generate_series(1, 5) n`.execute(db);
  });

  afterEach(async () => {
    await db.destroy();
    await schema.drop();
  });

  /** Takes one seat of row `id` the way a sign-up does: a locked read, a decision here, then the write with COMMIT. */
  const takeSeat = (transactions: WriteTransactions, id: number, afterRead: () => void = () => undefined) =>
    transactions(
      async (target) => {
        const [row] = (await target.run({ sql: 'select taken from seats where id = $1 for update', parameters: [id] })) as Array<{ taken: number }>;
        afterRead();
        await target.write({ sql: 'update seats set taken = $1 where id = $2', parameters: [row!.taken + 1, id] });
        return row!.taken + 1;
      },
      { key: `seat:${id}` },
    );

  /** The BEGINs sent while `work` ran: one per PostgreSQL transaction. */
  async function transactionsDuring(work: () => Promise<unknown>): Promise<number> {
    const query = jest.spyOn(Client.prototype, 'query');
    try {
      await work();
      return query.mock.calls.filter(([config]) => config === 'begin').length;
    } finally {
      query.mockRestore();
    }
  }

  const takenSeats = async () => (await schema.query('select id, taken from seats order by id')).map((row) => Number((row as { taken: number }).taken));

  /** Runs `arrive` once seat 1's transaction holds the only connection, so whatever it starts has to wait. */
  async function whileTheConnectionIsBusy<T>(transactions: WriteTransactions, arrive: () => Promise<T>): Promise<T> {
    let arrived: Promise<T> | undefined;
    await takeSeat(transactions, 1, () => {
      arrived = arrive();
    });
    return arrived!;
  }

  it('transactions on different rows that wait for the connection together share one BEGIN and COMMIT', async () => {
    const transactions = pipelinedTransactions(pool, db, 1);
    await takeSeat(transactions, 5); // the connection is open and warm

    let answers: number[] = [];
    const begun = await transactionsDuring(async () => {
      answers = await whileTheConnectionIsBusy(transactions, () => Promise.all([takeSeat(transactions, 2), takeSeat(transactions, 3), takeSeat(transactions, 4)]));
    });

    expect(answers).toEqual([1, 1, 1]);
    // Seat 1's transaction, then one for the three that queued behind it.
    expect(begun).toBe(2);
    expect(await takenSeats()).toEqual([1, 1, 1, 1, 1]);
  });

  it('transactions arriving together at a free connection share one too', async () => {
    const transactions = pipelinedTransactions(pool, db, 1);

    const begun = await transactionsDuring(() => Promise.all([1, 2, 3, 4, 5].map((id) => takeSeat(transactions, id))));

    expect(begun).toBe(1);
    expect(await takenSeats()).toEqual([1, 1, 1, 1, 1]);
  });

  it('transactions on the same row never share one, so each reads what the one before it wrote', async () => {
    const transactions = pipelinedTransactions(pool, db, 1);

    let answers: number[] = [];
    const begun = await transactionsDuring(async () => {
      answers = await Promise.all(Array.from({ length: 4 }, () => takeSeat(transactions, 1)));
    });

    expect(answers).toEqual([1, 2, 3, 4]);
    expect(begun).toBe(4);
    expect(await takenSeats()).toEqual([4, 0, 0, 0, 0]);
  });

  it('a transaction that throws reaches only its own caller: the others of its group are run again alone and written', async () => {
    const transactions = pipelinedTransactions(pool, db, 1);
    const first = takeSeat(transactions, 1);
    const refused = takeSeat(transactions, 2, () => {
      throw new Error('signups_closed');
    });
    const others = [takeSeat(transactions, 3), takeSeat(transactions, 4)];

    await expect(refused).rejects.toThrow('signups_closed');
    expect(await Promise.all([first, ...others])).toEqual([1, 1, 1]);
    expect(await takenSeats()).toEqual([1, 0, 1, 1, 0]);
  });

  it('a statement that fails rolls its group back; the others are written when run alone and only the failing one is refused', async () => {
    const transactions = pipelinedTransactions(pool, db, 1);
    const first = takeSeat(transactions, 1);
    const duplicate = transactions(
      async (target) => {
        await target.run({ sql: 'select taken from seats where id = 2 for update', parameters: [] });
        await target.write({ sql: 'update seats set taken = taken + 1 where id = 2', parameters: [] });
        await target.write({ sql: 'insert into seats values (2, 99)', parameters: [] }); // a duplicate key: fails at COMMIT
        return 'never';
      },
      { key: 'seat:2' },
    );
    const others = [takeSeat(transactions, 3), takeSeat(transactions, 4)];

    await expect(duplicate).rejects.toThrow(/duplicate key/);
    expect(await Promise.all([first, ...others])).toEqual([1, 1, 1]);
    expect(await takenSeats()).toEqual([1, 0, 1, 1, 0]);
  });

  it('many racing for a few rows on three connections: every seat counted exactly once', async () => {
    const transactions = pipelinedTransactions(pool, db, 3);
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => takeSeat(transactions, (i % 5) + 1)));

    for (let id = 1; id <= 5; id++) {
      const forRow = answers.filter((_, i) => (i % 5) + 1 === id).sort((a, b) => a - b);
      expect(forRow).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    }
    expect(await takenSeats()).toEqual([40, 40, 40, 40, 40]);
  });

  it("a transaction's read sees its own earlier write, though writes are held until COMMIT", async () => {
    const transactions = pipelinedTransactions(pool, db, 1);
    const addSevenAndRead = (id: number) =>
      transactions(
        async (target) => {
          await target.write({ sql: 'update seats set taken = taken + 7 where id = $1', parameters: [id] });
          const [row] = (await target.run({ sql: 'select taken from seats where id = $1', parameters: [id] })) as Array<{ taken: number }>;
          return row!.taken;
        },
        { key: `seat:${id}` },
      );

    expect(await Promise.all([addSevenAndRead(1), addSevenAndRead(2), takeSeat(transactions, 3)])).toEqual([7, 7, 1]);
    expect(await takenSeats()).toEqual([7, 7, 1, 0, 0]);
  });

  it('a transaction without a key runs alone even while others wait', async () => {
    const transactions = pipelinedTransactions(pool, db, 1);
    const unkeyed = () =>
      transactions(async (target) => {
        await target.write({ sql: 'update seats set taken = taken + 1 where id = 5', parameters: [] });
        return 'done';
      });

    const begun = await transactionsDuring(() =>
      whileTheConnectionIsBusy(transactions, () => Promise.all([unkeyed(), unkeyed(), takeSeat(transactions, 2), takeSeat(transactions, 3)])),
    );

    // Seat 1's transaction; the two without a key each alone, in turn; seats 2 and 3 together.
    expect(begun).toBe(4);
    expect(await takenSeats()).toEqual([1, 1, 1, 0, 2]);
  });
});

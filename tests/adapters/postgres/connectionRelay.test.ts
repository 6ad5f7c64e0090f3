import { Socket } from 'node:net';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { pipelinedTransactions } from '../../../bot/adapters/postgres/pipelinedTransactions';
import { Database } from '../../../bot/adapters/sql/schema';
import { WriteTransactions } from '../../../bot/adapters/sql/transactions';
import { describeWithPostgres, TestSchema } from '../../support/postgres';

/**
 * The offer transactions' connections pass from one transaction to the next once COMMIT is sent: the next BEGIN
 * rides in the same socket write, and PostgreSQL still runs each transaction whole and in order.
 */
describeWithPostgres('Pipelined transactions sharing one connection', (database) => {
  let schema: TestSchema;
  let pool: Pool;
  let db: Kysely<Database>;
  let port: number;

  beforeEach(async () => {
    schema = await database.createSchema();
    port = Number(new URL(schema.url).port || 5432);
    pool = new Pool({ connectionString: schema.url, max: 3, pipeline: true } as ConstructorParameters<typeof Pool>[0]);
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await sql`create table seats (id int primary key, taken int not null)`.execute(db);
    await sql`insert into seats values (1, 0)`.execute(db);
  });

  afterEach(async () => {
    await db.destroy();
    await schema.drop();
  });

  /** Takes one seat the way a sign-up does: a locked read, a decision here, then the write with COMMIT. */
  const takeSeat = (transactions: WriteTransactions) =>
    transactions(async (target) => {
      const [row] = (await target.run({ sql: 'select taken from seats where id = 1 for update', parameters: [] })) as Array<{ taken: number }>;
      await target.write({ sql: 'update seats set taken = $1 where id = 1', parameters: [row!.taken + 1] });
      return row!.taken + 1;
    });

  async function socketWritesDuring(work: () => Promise<unknown>): Promise<number> {
    const writes = (['_write', '_writev'] as const).map((method) => jest.spyOn(Socket.prototype as unknown as Record<typeof method, () => void>, method));
    try {
      await work();
      return writes.flatMap((spy) => spy.mock.contexts).filter((socket) => (socket as Socket).remotePort === port).length;
    } finally {
      for (const spy of writes) spy.mockRestore();
    }
  }

  it("a transaction waiting for the connection starts in the write that carries the previous one's COMMIT", async () => {
    const transactions = pipelinedTransactions(pool, db, 1);
    await takeSeat(transactions); // the connection is open and warm

    let answers: number[] = [];
    const writes = await socketWritesDuring(async () => {
      answers = await Promise.all([takeSeat(transactions), takeSeat(transactions), takeSeat(transactions)]);
    });

    expect(answers).toEqual([2, 3, 4]);
    // Alone, each would take two writes (six); the second and third each start in the write before theirs.
    expect(writes).toBe(4);
    expect(await schema.query('select taken from seats')).toEqual([{ taken: 4 }]);
  });

  it('a transaction that fails is rolled back without harming the one that takes the connection next', async () => {
    const transactions = pipelinedTransactions(pool, db, 1);
    const failing = transactions(async (target) => {
      await target.run({ sql: 'select taken from seats where id = 1 for update', parameters: [] });
      await target.write({ sql: 'update seats set taken = taken + 1 where id = 1', parameters: [] });
      await target.write({ sql: 'insert into seats values (1, 99)', parameters: [] }); // a duplicate key: fails at COMMIT
      return 'never';
    });
    const next = takeSeat(transactions);

    await expect(failing).rejects.toThrow(/duplicate key/);
    expect(await next).toBe(1);
    expect(await schema.query('select taken from seats')).toEqual([{ taken: 1 }]);
  });

  it('never holds more connections than it is allowed, and each waiting transaction gets one in turn', async () => {
    const transactions = pipelinedTransactions(pool, db, 2);
    const answers = await Promise.all(Array.from({ length: 20 }, () => takeSeat(transactions)));

    expect([...answers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(pool.totalCount).toBeLessThanOrEqual(2);
    expect(await schema.query('select taken from seats')).toEqual([{ taken: 20 }]);
  });
});

import { Kysely, sql } from 'kysely';
import { Offer } from '../../domain/offer';
import { SeatPicture, SignUp } from '../../domain/signUp';
import { OfferStore, OfferTransaction, PersonalSignUp } from '../../ports/offerStore';
import { NewJob } from '../../ports/jobs';
import { NewNotice } from '../../ports/outbox';
import { offerFromRow, offerToRow, signUpFromRow, signUpToRow } from './rows';
import { Database, Dialect, OfferRow, SignUpRow } from './schema';
import { inWriteTransaction } from './transactions';
import { prepared, RunStatement, runThroughKysely, StatementTarget } from './prepared';
import { insertNotice } from './outboxRows';

type Executor = Kysely<Database>;

type SeatPictureRow = { confirmed: number; waitlisted: number; last_queue_number: number; waitlisted_ahead: number } & {
  [K in keyof SignUpRow]: SignUpRow[K] | null;
};

/** The statements on the sign-up path, compiled once per dialect (see prepared.ts). */
export function hotQueries(dialect: Dialect) {
  return {
    lockOffer: prepared<{ id: string }, OfferRow>(['id'], (db, p) => {
      const query = db.selectFrom('offers').selectAll().where('id', '=', p.id);
      return dialect === 'postgres' ? query.forUpdate() : query;
    }),
    signUpsForOffer: prepared<{ offerId: string }, SignUpRow>(['offerId'], (db, p) =>
      db.selectFrom('signups').selectAll().where('offer_id', '=', p.offerId).orderBy('queue_number'),
    ),
    saveSignUp: prepared<SignUpRow, never>(['offer_id', 'person_id', 'person_name', 'status', 'queue_number', 'signed_up_at', 'updated_at'], (db, p) =>
      db
        .insertInto('signups')
        .values(p)
        .onConflict((oc) =>
          oc.columns(['offer_id', 'person_id']).doUpdateSet({
            person_name: p.person_name,
            status: p.status,
            queue_number: p.queue_number,
            signed_up_at: p.signed_up_at,
            updated_at: p.updated_at,
          }),
        ),
    ),
    /** Counts, the person's own row and how many wait ahead of them, in one round trip. */
    seatPicture: prepared<{ offerId: string; personId: string }, SeatPictureRow>(['offerId', 'personId'], (db, p) =>
      db
        .selectFrom(
          db
            .selectFrom('signups')
            .select([
              sql<number>`cast(coalesce(sum(case when status = 'confirmed' then 1 else 0 end), 0) as integer)`.as('confirmed'),
              sql<number>`cast(coalesce(sum(case when status = 'waitlisted' then 1 else 0 end), 0) as integer)`.as('waitlisted'),
              sql<number>`cast(coalesce(max(queue_number), 0) as integer)`.as('last_queue_number'),
            ])
            .where('offer_id', '=', p.offerId)
            .as('counts'),
        )
        .leftJoin('signups as own', (join) => join.on('own.offer_id', '=', p.offerId).on('own.person_id', '=', p.personId))
        .select([
          'counts.confirmed',
          'counts.waitlisted',
          'counts.last_queue_number',
          'own.offer_id',
          'own.person_id',
          'own.person_name',
          'own.status',
          'own.queue_number',
          'own.signed_up_at',
          'own.updated_at',
          sql<number>`cast((select count(*) from signups ahead where ahead.offer_id = own.offer_id and own.status = 'waitlisted' and ahead.status = 'waitlisted' and ahead.queue_number < own.queue_number) as integer)`.as('waitlisted_ahead'),
        ]),
    ),
    raiseRevision: prepared<{ id: string }, never>(['id'], (db, p) =>
      db
        .updateTable('offers')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .where('id', '=', p.id),
    ),
  };
}

export type HotQueries = ReturnType<typeof hotQueries>;

export class SqlOfferStore implements OfferStore {
  private readonly queries: HotQueries;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly runInTransaction?: RunStatement,
  ) {
    this.queries = hotQueries(dialect);
  }

  transaction<T>(work: (tx: OfferTransaction) => Promise<T>): Promise<T> {
    return inWriteTransaction(this.db, this.dialect, (trx) => work(new SqlOfferTransaction(trx, this.queries, this.runInTransaction)));
  }

  async findOffer(offerId: string): Promise<Offer | undefined> {
    const row = await this.db.selectFrom('offers').selectAll().where('id', '=', offerId).executeTakeFirst();
    return row && offerFromRow(row);
  }

  signUpsForOffer(offerId: string): Promise<SignUp[]> {
    return signUpsForOffer(this.db, offerId);
  }

  async upcomingSignUpsOf(personId: string, now: Date): Promise<PersonalSignUp[]> {
    const offerRows = await this.db
      .selectFrom('offers')
      .innerJoin('signups', 'signups.offer_id', 'offers.id')
      .selectAll('offers')
      .where('signups.person_id', '=', personId)
      .where('signups.status', '!=', 'withdrawn')
      .where('offers.ends_at', '>', now.toISOString())
      .orderBy('offers.starts_at')
      .execute();
    return Promise.all(
      offerRows.map(async (row) => {
        const allSignUps = await signUpsForOffer(this.db, row.id);
        const signUp = allSignUps.find((s) => s.person.id === personId);
        if (!signUp) throw new Error(`sign-up of ${personId} on ${row.id} vanished`);
        return { offer: offerFromRow(row), signUp, allSignUps };
      }),
    );
  }

  async upcomingOffersOf(schoolId: string, now: Date): Promise<Offer[]> {
    const rows = await this.db
      .selectFrom('offers')
      .selectAll()
      .where('school_id', '=', schoolId)
      .where('starts_at', '>', now.toISOString())
      .orderBy('starts_at')
      .execute();
    return rows.map(offerFromRow);
  }
}

export class SqlOfferTransaction implements OfferTransaction {
  private readonly statements: StatementTarget;

  /** `run`, when given, executes the prepared statements faster than Kysely can (see openSqliteStores.ts). */
  constructor(
    private readonly db: Executor,
    private readonly queries: HotQueries,
    run?: RunStatement,
  ) {
    this.statements = { db, run: run ?? runThroughKysely(db) };
  }

  /** On SQLite the whole database is already write-locked by BEGIN IMMEDIATE; PostgreSQL locks just this row. */
  async lockOffer(offerId: string): Promise<Offer | undefined> {
    const [row] = await this.queries.lockOffer(this.statements, { id: offerId });
    return row && offerFromRow(row);
  }

  async signUpsForOffer(offerId: string): Promise<SignUp[]> {
    return (await this.queries.signUpsForOffer(this.statements, { offerId })).map(signUpFromRow);
  }

  async seatPicture(offerId: string, personId: string): Promise<SeatPicture> {
    const [row] = await this.queries.seatPicture(this.statements, { offerId, personId });
    const own = row?.person_id ? signUpFromRow(row as SignUpRow) : null;
    return {
      confirmed: Number(row?.confirmed ?? 0),
      waitlisted: Number(row?.waitlisted ?? 0),
      lastQueueNumber: Number(row?.last_queue_number ?? 0),
      own,
      waitlistedAhead: Number(row?.waitlisted_ahead ?? 0),
    };
  }

  async insertOffer(offer: Offer): Promise<void> {
    await this.db.insertInto('offers').values(offerToRow(offer)).execute();
  }

  async updateOffer(offer: Offer): Promise<void> {
    const row = offerToRow(offer);
    await this.db
      .updateTable('offers')
      .set({
        title: row.title,
        description: row.description,
        facilitator: row.facilitator,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        location: row.location,
        online_link: row.online_link,
        capacity: row.capacity,
        signups_close_at: row.signups_close_at,
        tags: row.tags,
        status: row.status,
        follow_up_weeks: row.follow_up_weeks,
      })
      .where('id', '=', row.id)
      .execute();
  }

  async saveSignUps(signUps: readonly SignUp[]): Promise<void> {
    for (const signUp of signUps) await this.queries.saveSignUp(this.statements, signUpToRow(signUp));
  }

  async raiseRevision(offerId: string): Promise<void> {
    await this.queries.raiseRevision(this.statements, { id: offerId });
  }

  async scheduleJob(job: NewJob, now: Date): Promise<void> {
    const dueAt = job.dueAt.toISOString();
    await this.db
      .insertInto('scheduled_jobs')
      .values({ job_key: job.key, job: JSON.stringify(job.job), status: 'pending', due_at: dueAt, attempts: 0, last_error: null, created_at: now.toISOString(), finished_at: null })
      .onConflict((oc) => oc.column('job_key').doUpdateSet({ job: JSON.stringify(job.job), status: 'pending', due_at: dueAt, attempts: 0, last_error: null, finished_at: null }))
      .execute();
  }

  enqueueNotice(notice: NewNotice, at: Date): Promise<void> {
    return insertNotice(this.db, notice, at);
  }
}

async function signUpsForOffer(db: Executor, offerId: string): Promise<SignUp[]> {
  const rows = await db.selectFrom('signups').selectAll().where('offer_id', '=', offerId).orderBy('queue_number').execute();
  return rows.map(signUpFromRow);
}

import { Kysely, sql } from 'kysely';
import { Offer } from '../../domain/offer';
import { SeatPicture, SignUp } from '../../domain/signUp';
import { OfferStore, OfferTransaction, OfferTransactionScope, PersonalSignUp } from '../../ports/offerStore';
import { NewJob } from '../../ports/jobs';
import { NewNotice } from '../../ports/outbox';
import { offerFromRow, offerToRow, signUpFromRow, signUpToRow } from './rows';
import { Database, Dialect, OfferRow, SignUpRow } from './schema';
import { kyselyWriteTransactions, WriteTransactions } from './transactions';
import { prepared, sequentialTarget, statementOf, StatementTarget } from './prepared';
import { noticeInsert } from './outboxRows';
import { tokenFor, tokenIn } from './sqlCalendarFeedStore';

type Executor = Kysely<Database>;

type SeatPictureRow = { confirmed: number; awaiting: number; waitlisted: number; last_queue_number: number; waitlisted_ahead: number; school_held: number } & {
  [K in keyof SignUpRow]: SignUpRow[K] | null;
};

const signUpColumns = ['offer_id', 'person_id', 'person_name', 'status', 'queue_number', 'signed_up_at', 'updated_at', 'school_id'] as const;

function upsertSignUp(db: Pick<Kysely<Database>, 'insertInto'>, p: SignUpRow) {
  return db
    .insertInto('signups')
    .values(p)
    .onConflict((oc) =>
      oc.columns(['offer_id', 'person_id']).doUpdateSet({
        person_name: p.person_name,
        status: p.status,
        queue_number: p.queue_number,
        signed_up_at: p.signed_up_at,
        updated_at: p.updated_at,
        school_id: p.school_id,
      }),
    );
}

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
    saveSignUp: prepared<SignUpRow, never>(signUpColumns, (db, p) => upsertSignUp(db, p)),
    /**
     * PostgreSQL: one sign-up saved and the offer's revision raised in one statement (a data-modifying CTE runs in
     * full whether or not the main statement reads it). SQLite has no such CTEs and runs in-process, so it uses two.
     */
    saveSignUpRaisingRevision: prepared<SignUpRow, never>(signUpColumns, (db, p) =>
      db.with('saved', (cte) => upsertSignUp(cte, p)).updateTable('offers').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', '=', p.offer_id),
    ),
    /**
     * Counts, the person's own row, how many wait ahead of them and how many places the sign-up's school holds (for a
     * group offer's quota), in one round trip.
     */
    seatPicture: prepared<{ offerId: string; personId: string; schoolId: string | null }, SeatPictureRow>(['offerId', 'personId', 'schoolId'], (db, p) =>
      db
        .selectFrom(
          db
            .selectFrom('signups')
            .select([
              sql<number>`cast(coalesce(sum(case when status = 'confirmed' then 1 else 0 end), 0) as integer)`.as('confirmed'),
              sql<number>`cast(coalesce(sum(case when status = 'awaiting_approval' then 1 else 0 end), 0) as integer)`.as('awaiting'),
              sql<number>`cast(coalesce(sum(case when status = 'waitlisted' then 1 else 0 end), 0) as integer)`.as('waitlisted'),
              sql<number>`cast(coalesce(max(queue_number), 0) as integer)`.as('last_queue_number'),
              // A seat held for approval uses the school's quota as a confirmed one does.
              sql<number>`cast(coalesce(sum(case when status in ('confirmed', 'awaiting_approval') and school_id = ${p.schoolId} then 1 else 0 end), 0) as integer)`.as('school_held'),
            ])
            .where('offer_id', '=', p.offerId)
            .as('counts'),
        )
        .leftJoin('signups as own', (join) => join.on('own.offer_id', '=', p.offerId).on('own.person_id', '=', p.personId))
        .select([
          'counts.confirmed',
          'counts.awaiting',
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
          'counts.school_held',
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

export interface SqlOfferStoreOptions {
  /**
   * Runs the offer transactions on the driver itself: pipelined on PostgreSQL (openPostgresStores.ts), committed in
   * groups on SQLite (openSqliteStores.ts).
   */
  transactions?: WriteTransactions;
}

export class SqlOfferStore implements OfferStore {
  private readonly queries: HotQueries;
  private readonly transactions: WriteTransactions;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    options: SqlOfferStoreOptions = {},
  ) {
    this.queries = hotQueries(dialect);
    this.transactions = options.transactions ?? kyselyWriteTransactions(db, dialect);
  }

  transaction<T>(work: (tx: OfferTransaction) => Promise<T>, scope?: OfferTransactionScope): Promise<T> {
    return this.transactions(
      (target) => work(new SqlOfferTransaction(target, this.queries, this.dialect, scope?.offerId)),
      scope && { key: `offer:${scope.offerId}` },
    );
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

  async openGroupOffers(groupIds: readonly string[], now: Date): Promise<Offer[]> {
    if (groupIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('offers')
      .selectAll()
      .where('group_id', 'in', groupIds)
      .where('status', '!=', 'cancelled')
      .where('starts_at', '>', now.toISOString())
      .orderBy('starts_at')
      .execute();
    return rows.map(offerFromRow);
  }
}

export class SqlOfferTransaction implements OfferTransaction {
  /**
   * `target` is where this transaction's statements run; a Kysely transaction becomes one with sequentialTarget.
   * `scopedTo`: the only offer it declared it would lock (see OfferTransactionScope).
   */
  constructor(
    private readonly target: StatementTarget,
    private readonly queries: HotQueries,
    protected readonly dialect: Dialect,
    private readonly scopedTo?: string,
  ) {}

  /** On SQLite the whole database is already write-locked by BEGIN IMMEDIATE; PostgreSQL locks just this row. */
  async lockOffer(offerId: string): Promise<Offer | undefined> {
    // Sharing a database transaction with others, it would not exclude a member locking that offer too.
    if (this.scopedTo !== undefined && offerId !== this.scopedTo) throw new Error(`a transaction scoped to offer ${this.scopedTo} tried to lock offer ${offerId}`);
    const [row] = await this.queries.lockOffer.run(this.target, { id: offerId });
    return row && offerFromRow(row);
  }

  /**
   * Both statements are sent before either answer is awaited, so on PostgreSQL they share one round trip (with BEGIN
   * when they open the transaction). They stay two statements: in READ COMMITTED a statement reads from a snapshot
   * taken when it starts, so counts read in the statement that waited for the lock could miss a sign-up committed
   * while it waited; the second statement starts after the lock is held and sees every committed sign-up.
   */
  async lockSeatPicture(offerId: string, personId: string, schoolId?: string): Promise<{ offer: Offer; picture: SeatPicture } | undefined> {
    const [offer, picture] = await Promise.all([this.lockOffer(offerId), this.seatPicture(offerId, personId, schoolId)]);
    return offer && { offer, picture };
  }

  async signUpsForOffer(offerId: string): Promise<SignUp[]> {
    return (await this.queries.signUpsForOffer.run(this.target, { offerId })).map(signUpFromRow);
  }

  async seatPicture(offerId: string, personId: string, schoolId?: string): Promise<SeatPicture> {
    const [row] = await this.queries.seatPicture.run(this.target, { offerId, personId, schoolId: schoolId ?? null });
    const own = row?.person_id ? signUpFromRow(row as SignUpRow) : null;
    return {
      confirmed: Number(row?.confirmed ?? 0),
      awaiting: Number(row?.awaiting ?? 0),
      waitlisted: Number(row?.waitlisted ?? 0),
      lastQueueNumber: Number(row?.last_queue_number ?? 0),
      own,
      waitlistedAhead: Number(row?.waitlisted_ahead ?? 0),
      schoolHeld: Number(row?.school_held ?? 0),
    };
  }

  insertOffer(offer: Offer): Promise<void> {
    return this.target.write(statementOf(this.target.db.insertInto('offers').values(offerToRow(offer))));
  }

  updateOffer(offer: Offer): Promise<void> {
    const row = offerToRow(offer);
    return this.target.write(
      statementOf(
        this.target.db
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
            quota_per_school: row.quota_per_school,
            quota_releases_at: row.quota_releases_at,
          })
          .where('id', '=', row.id),
      ),
    );
  }

  async saveSignUps(signUps: readonly SignUp[]): Promise<void> {
    for (const signUp of signUps) await this.queries.saveSignUp.write(this.target, signUpToRow(signUp));
  }

  raiseRevision(offerId: string): Promise<void> {
    return this.queries.raiseRevision.write(this.target, { id: offerId });
  }

  async saveSignUpsRaisingRevision(offerId: string, signUps: readonly SignUp[]): Promise<void> {
    const [only, ...others] = signUps;
    if (this.dialect === 'postgres' && only && others.length === 0 && only.offerId === offerId) {
      return this.queries.saveSignUpRaisingRevision.write(this.target, signUpToRow(only));
    }
    await this.saveSignUps(signUps);
    await this.raiseRevision(offerId);
  }

  scheduleJob(job: NewJob, now: Date): Promise<void> {
    const dueAt = job.dueAt.toISOString();
    return this.target.write(
      statementOf(
        this.target.db
          .insertInto('scheduled_jobs')
          .values({ job_key: job.key, job: JSON.stringify(job.job), status: 'pending', due_at: dueAt, attempts: 0, last_error: null, created_at: now.toISOString(), finished_at: null })
          .onConflict((oc) => oc.column('job_key').doUpdateSet({ job: JSON.stringify(job.job), status: 'pending', due_at: dueAt, attempts: 0, last_error: null, finished_at: null })),
      ),
    );
  }

  async lineManagerOf(schoolId: string, staffId: string): Promise<string | null> {
    const query = this.target.db.selectFrom('line_management').select('manager_id').where('school_id', '=', schoolId).where('staff_id', '=', staffId);
    const [row] = (await this.target.run(statementOf(query))) as Array<{ manager_id: string }>;
    return row?.manager_id ?? null;
  }

  enqueueNotice(notice: NewNotice, at: Date): Promise<void> {
    return this.target.write(statementOf(noticeInsert(this.target.db, notice, at)));
  }

  async calendarToken(personId: string, candidate: string, now: Date): Promise<{ answer: Promise<string> }> {
    const sent = await tokenFor.writeReturning(this.target, { person_id: personId, token: candidate, created_at: now.toISOString() });
    const answer = sent.answer.then((rows) => tokenIn(rows, personId));
    answer.catch(() => undefined); // read after commit; a failed transaction reports its own error
    return { answer };
  }
}

/** A Kysely transaction as the target of an offer transaction's statements (for stores that extend it). */
export function kyselyTarget(trx: Kysely<Database>): StatementTarget {
  return sequentialTarget(trx);
}

async function signUpsForOffer(db: Executor, offerId: string): Promise<SignUp[]> {
  const rows = await db.selectFrom('signups').selectAll().where('offer_id', '=', offerId).orderBy('queue_number').execute();
  return rows.map(signUpFromRow);
}

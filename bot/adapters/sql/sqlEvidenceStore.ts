import { Kysely } from 'kysely';
import { AttendanceRecord } from '../../domain/attendance';
import { FeedbackResponse } from '../../domain/feedback';
import { FollowUpResponse } from '../../domain/followUp';
import { AttendedSession } from '../../domain/impact';
import { Offer } from '../../domain/offer';
import { PartnershipEvidence } from '../../domain/partnershipReport';
import { EvidenceStore, EvidenceTransaction } from '../../ports/evidenceStore';
import { attendanceFromRow, attendanceToRow, feedbackFromRow, feedbackToRow } from './evidenceRows';
import { followUpFromRow, followUpToRow } from './followUpRows';
import { offerFromRow, signUpFromRow } from './rows';
import { Database, Dialect } from './schema';
import { hotQueries, HotQueries, kyselyTarget, SqlOfferTransaction } from './sqlOfferStore';
import { inWriteTransaction } from './transactions';

type Executor = Kysely<Database>;

export class SqlEvidenceStore implements EvidenceStore {
  private readonly queries: HotQueries;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {
    this.queries = hotQueries(dialect);
  }

  transaction<T>(work: (tx: EvidenceTransaction) => Promise<T>): Promise<T> {
    return inWriteTransaction(this.db, this.dialect, (trx) => work(new SqlEvidenceTransaction(trx, this.queries, this.dialect)));
  }

  attendanceFor(offerId: string): Promise<AttendanceRecord[]> {
    return attendanceFor(this.db, offerId);
  }

  feedbackFor(offerId: string): Promise<FeedbackResponse[]> {
    return feedbackFor(this.db, offerId);
  }

  async findFeedback(offerId: string, personId: string): Promise<FeedbackResponse | undefined> {
    const row = await this.db.selectFrom('feedback_responses').selectAll().where('offer_id', '=', offerId).where('person_id', '=', personId).executeTakeFirst();
    return row && feedbackFromRow(row);
  }

  followUpsFor(offerId: string): Promise<FollowUpResponse[]> {
    return followUpsFor(this.db, offerId);
  }

  async findFollowUp(offerId: string, personId: string): Promise<FollowUpResponse | undefined> {
    const row = await this.db.selectFrom('follow_up_responses').selectAll().where('offer_id', '=', offerId).where('person_id', '=', personId).executeTakeFirst();
    return row && followUpFromRow(row);
  }

  async followUpsOf(personId: string): Promise<FollowUpResponse[]> {
    const rows = await this.db.selectFrom('follow_up_responses').selectAll().where('person_id', '=', personId).orderBy('submitted_at').orderBy('offer_id').execute();
    return rows.map(followUpFromRow);
  }

  async answersOfSchool(schoolId: string, from: Date, to: Date): Promise<{ feedback: FeedbackResponse[]; followUps: FollowUpResponse[] }> {
    const inPeriod = (table: 'feedback_responses' | 'follow_up_responses') =>
      this.db
        .selectFrom(table)
        .selectAll()
        .where((eb) =>
          eb.or([
            eb(`${table}.offer_id`, 'in', ownOffersStartedBetween(this.db, schoolId, from, to)),
            // A group offer's answers count for the school each person signed up from, not the offer's home school.
            eb.exists(
              eb
                .selectFrom('signups')
                .innerJoin('offers', 'offers.id', 'signups.offer_id')
                .select('signups.offer_id')
                .whereRef('signups.offer_id', '=', `${table}.offer_id`)
                .whereRef('signups.person_id', '=', `${table}.person_id`)
                .where('signups.school_id', '=', schoolId)
                .where('offers.group_id', 'is not', null)
                .where('offers.starts_at', '>=', from.toISOString())
                .where('offers.starts_at', '<', to.toISOString()),
            ),
          ]),
        )
        .orderBy('submitted_at')
        .orderBy('person_id')
        .execute();
    const [feedback, followUps] = await Promise.all([inPeriod('feedback_responses'), inPeriod('follow_up_responses')]);
    return { feedback: feedback.map(feedbackFromRow), followUps: followUps.map(followUpFromRow) };
  }

  async offersStartedBetween(schoolId: string, from: Date, to: Date, limit: number): Promise<Offer[]> {
    return this.startedBetween(from, to, limit, (query) =>
      query.where((eb) =>
        eb.or([
          eb.and([eb('group_id', 'is', null), eb('school_id', '=', schoolId)]),
          eb.and([
            eb('group_id', 'is not', null),
            eb.exists(eb.selectFrom('signups').select('signups.offer_id').whereRef('signups.offer_id', '=', 'offers.id').where('signups.school_id', '=', schoolId)),
          ]),
        ]),
      ),
    );
  }

  async groupOffersStartedBetween(groupIds: readonly string[], from: Date, to: Date, limit: number): Promise<Offer[]> {
    if (groupIds.length === 0) return [];
    return this.startedBetween(from, to, limit, (query) => query.where('group_id', 'in', [...groupIds]));
  }

  /** Offers (as `which` narrows them) that started in [from, to), latest first. */
  private async startedBetween(from: Date, to: Date, limit: number, which: (query: OffersQuery) => OffersQuery): Promise<Offer[]> {
    const rows = await which(offersQuery(this.db))
      .where('starts_at', '>=', from.toISOString())
      .where('starts_at', '<', to.toISOString())
      .orderBy('starts_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(offerFromRow);
  }

  attendedSessions(schoolId: string, from: Date, to: Date): Promise<AttendedSession[]> {
    return this.attended(from, to, (query) =>
      query.where((eb) =>
        eb.or([
          eb.and([eb('offers.group_id', 'is', null), eb('offers.school_id', '=', schoolId)]),
          // A group offer's attendee counts for the school they signed up from.
          eb.and([
            eb('offers.group_id', 'is not', null),
            eb.exists(
              eb
                .selectFrom('signups')
                .select('signups.offer_id')
                .whereRef('signups.offer_id', '=', 'attendance.offer_id')
                .whereRef('signups.person_id', '=', 'attendance.person_id')
                .where('signups.school_id', '=', schoolId),
            ),
          ]),
        ]),
      ),
    );
  }

  attendedSessionsOf(personId: string, from: Date, to: Date): Promise<AttendedSession[]> {
    return this.attended(from, to, (query) => query.where('attendance.person_id', '=', personId));
  }

  async evidenceOfSchools(schoolIds: readonly string[], from: Date, to: Date): Promise<PartnershipEvidence> {
    if (schoolIds.length === 0) return { offers: [], signUps: [], attendance: [], feedback: [] };
    const ids = [...schoolIds];
    const offers = await this.db
      .selectFrom('offers')
      .selectAll()
      .where('starts_at', '>=', from.toISOString())
      .where('starts_at', '<', to.toISOString())
      .where((eb) => eb.or([eb('school_id', 'in', ids), eb('id', 'in', eb.selectFrom('signups').select('offer_id').where('school_id', 'in', ids))]))
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
    if (offers.length === 0) return { offers: [], signUps: [], attendance: [], feedback: [] };
    // In slices, so that a year of a large collaborative stays within each database's limit on bound parameters.
    const slices: string[][] = [];
    for (let i = 0; i < offers.length; i += 500) slices.push(offers.slice(i, i + 500).map((o) => o.id));
    const [signUps, attendance, feedback] = await Promise.all([
      Promise.all(slices.map((slice) => this.db.selectFrom('signups').selectAll().where('offer_id', 'in', slice).orderBy('offer_id').orderBy('queue_number').execute())),
      Promise.all(slices.map((slice) => this.db.selectFrom('attendance').selectAll().where('offer_id', 'in', slice).orderBy('offer_id').orderBy('person_id').execute())),
      Promise.all(slices.map((slice) => this.db.selectFrom('feedback_responses').selectAll().where('offer_id', 'in', slice).orderBy('offer_id').orderBy('person_id').execute())),
    ]);
    return {
      offers: offers.map(offerFromRow),
      signUps: signUps.flat().map(signUpFromRow),
      attendance: attendance.flat().map(attendanceFromRow),
      feedback: feedback.flat().map(feedbackFromRow),
    };
  }

  private async attended(from: Date, to: Date, narrow: (query: AttendedQuery) => AttendedQuery): Promise<AttendedSession[]> {
    const query = attendedQuery(this.db)
      .where('attendance.attended', '=', 1)
      .where('offers.starts_at', '>=', from.toISOString())
      .where('offers.starts_at', '<', to.toISOString());
    const rows = await narrow(query).orderBy('offers.starts_at').orderBy('attendance.person_id').execute();
    return rows.map((row) => ({ offer: offerFromRow(row), record: attendanceFromRow({ ...row, offer_id: row.id }) }));
  }
}

/** A school's own offers (not group offers) that started in [from, to), as a subquery of ids. */
function ownOffersStartedBetween(db: Executor, schoolId: string, from: Date, to: Date) {
  return db
    .selectFrom('offers')
    .select('offers.id')
    .where('offers.school_id', '=', schoolId)
    .where('offers.group_id', 'is', null)
    .where('offers.starts_at', '>=', from.toISOString())
    .where('offers.starts_at', '<', to.toISOString());
}

const offersQuery = (db: Kysely<Database>) => db.selectFrom('offers').selectAll();
type OffersQuery = ReturnType<typeof offersQuery>;

/** Each attended record with its offer, in one row. */
function attendedQuery(db: Executor) {
  return db
    .selectFrom('attendance')
    .innerJoin('offers', 'offers.id', 'attendance.offer_id')
    .selectAll('offers')
    .select([
      'attendance.person_id',
      'attendance.person_name',
      'attendance.attended',
      'attendance.minutes',
      'attendance.recorded_by_id',
      'attendance.recorded_by_name',
      'attendance.recorded_at',
    ]);
}
type AttendedQuery = ReturnType<typeof attendedQuery>;

/** The offer transaction (lock, sign-ups, notices, jobs) with the evidence tables alongside, in the same database transaction. */
class SqlEvidenceTransaction extends SqlOfferTransaction implements EvidenceTransaction {
  constructor(
    private readonly trx: Executor,
    queries: HotQueries,
    dialect: Dialect,
  ) {
    super(kyselyTarget(trx), queries, dialect);
  }

  attendanceFor(offerId: string): Promise<AttendanceRecord[]> {
    return attendanceFor(this.trx, offerId);
  }

  async saveAttendance(records: readonly AttendanceRecord[]): Promise<void> {
    for (const record of records) {
      const row = attendanceToRow(record);
      const { offer_id, person_id, ...changes } = row;
      await this.trx
        .insertInto('attendance')
        .values(row)
        .onConflict((oc) => oc.columns(['offer_id', 'person_id']).doUpdateSet(changes))
        .execute();
    }
  }

  feedbackFor(offerId: string): Promise<FeedbackResponse[]> {
    return feedbackFor(this.trx, offerId);
  }

  async saveFeedback(response: FeedbackResponse): Promise<void> {
    const row = feedbackToRow(response);
    const { offer_id, person_id, submitted_at, ...changes } = row;
    await this.trx
      .insertInto('feedback_responses')
      .values(row)
      .onConflict((oc) => oc.columns(['offer_id', 'person_id']).doUpdateSet(changes))
      .execute();
  }

  followUpsFor(offerId: string): Promise<FollowUpResponse[]> {
    return followUpsFor(this.trx, offerId);
  }

  async saveFollowUp(response: FollowUpResponse): Promise<void> {
    const row = followUpToRow(response);
    const { offer_id, person_id, submitted_at, ...changes } = row;
    await this.trx
      .insertInto('follow_up_responses')
      .values(row)
      .onConflict((oc) => oc.columns(['offer_id', 'person_id']).doUpdateSet(changes))
      .execute();
  }
}

async function followUpsFor(db: Executor, offerId: string): Promise<FollowUpResponse[]> {
  const rows = await db.selectFrom('follow_up_responses').selectAll().where('offer_id', '=', offerId).orderBy('submitted_at').orderBy('person_id').execute();
  return rows.map(followUpFromRow);
}

async function attendanceFor(db: Executor, offerId: string): Promise<AttendanceRecord[]> {
  const rows = await db.selectFrom('attendance').selectAll().where('offer_id', '=', offerId).orderBy('person_name').orderBy('person_id').execute();
  return rows.map(attendanceFromRow);
}

async function feedbackFor(db: Executor, offerId: string): Promise<FeedbackResponse[]> {
  const rows = await db.selectFrom('feedback_responses').selectAll().where('offer_id', '=', offerId).orderBy('submitted_at').orderBy('person_id').execute();
  return rows.map(feedbackFromRow);
}

import { Kysely } from 'kysely';
import { CalendarFeedStore, CalendarSession } from '../../ports/calendarFeeds';
import { prepared, RunStatement, sequentialTarget, StatementTarget } from './prepared';
import { offerFromRow } from './rows';
import { Database } from './schema';

/**
 * The person's token, stored first if they have none (the candidate), in one statement: it runs on every confirmed
 * sign-up (inside the sign-up's own transaction: SqlOfferTransaction.calendarToken). The no-op update on conflict is what lets RETURNING give back the row that was already there.
 */
export const tokenFor = prepared<{ person_id: string; token: string; created_at: string }, { token: string }>(['person_id', 'token', 'created_at'], (db, p) =>
  db
    .insertInto('calendar_feeds')
    .values(p)
    .onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({ token: eb.ref('calendar_feeds.token') })))
    .returning('token'),
);

/** The token tokenFor answered with (it always answers one row). */
export function tokenIn(rows: ReadonlyArray<{ token: string }>, personId: string): string {
  const [row] = rows;
  if (!row) throw new Error(`no calendar token stored for ${personId}`);
  return row.token;
}

export class SqlCalendarFeedStore implements CalendarFeedStore {
  private readonly statements: StatementTarget;

  /** `run`, when given, runs the token statement directly on the driver (PostgreSQL: named, see prepared.ts). */
  constructor(
    private readonly db: Kysely<Database>,
    run?: RunStatement,
  ) {
    this.statements = sequentialTarget(db, run);
  }

  async tokenFor(personId: string, candidate: string, now: Date): Promise<string> {
    return tokenIn(await tokenFor.run(this.statements, { person_id: personId, token: candidate, created_at: now.toISOString() }), personId);
  }

  async replaceToken(personId: string, token: string, now: Date): Promise<void> {
    await this.db
      .insertInto('calendar_feeds')
      .values({ person_id: personId, token, created_at: now.toISOString() })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ token, created_at: now.toISOString() }))
      .execute();
  }

  async personWithToken(token: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('calendar_feeds').select('person_id').where('token', '=', token).executeTakeFirst();
    return row?.person_id;
  }

  async sessionsOf(personId: string, since: Date): Promise<CalendarSession[]> {
    const rows = await this.db
      .selectFrom('offers')
      .innerJoin('signups', 'signups.offer_id', 'offers.id')
      .selectAll('offers')
      .select('signups.status as signup_status')
      .where('signups.person_id', '=', personId)
      .where('signups.status', 'in', ['confirmed', 'awaiting_approval', 'waitlisted'])
      .where('offers.ends_at', '>', since.toISOString())
      .orderBy('offers.starts_at')
      .execute();
    return rows.map(({ signup_status, ...offer }) => ({ offer: offerFromRow(offer), status: signup_status as CalendarSession['status'] }));
  }
}

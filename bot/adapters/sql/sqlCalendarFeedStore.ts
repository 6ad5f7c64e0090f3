import { Kysely } from 'kysely';
import { CalendarFeedStore, CalendarSession } from '../../ports/calendarFeeds';
import { offerFromRow } from './rows';
import { Database } from './schema';

export class SqlCalendarFeedStore implements CalendarFeedStore {
  constructor(private readonly db: Kysely<Database>) {}

  async tokenFor(personId: string, candidate: string, now: Date): Promise<string> {
    // One statement (it runs on every confirmed sign-up): the candidate is stored unless the person has a token
    // already, and either way the stored token comes back. The no-op update is what makes RETURNING see that row.
    const row = await this.db
      .insertInto('calendar_feeds')
      .values({ person_id: personId, token: candidate, created_at: now.toISOString() })
      .onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({ token: eb.ref('calendar_feeds.token') })))
      .returning('token')
      .executeTakeFirstOrThrow();
    return row.token;
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
      .where('signups.status', 'in', ['confirmed', 'waitlisted'])
      .where('offers.ends_at', '>', since.toISOString())
      .orderBy('offers.starts_at')
      .execute();
    return rows.map(({ signup_status, ...offer }) => ({ offer: offerFromRow(offer), status: signup_status as CalendarSession['status'] }));
  }
}

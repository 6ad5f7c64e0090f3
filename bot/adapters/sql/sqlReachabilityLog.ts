import { Kysely } from 'kysely';
import { ReachabilityLog, UnreachablePerson } from '../../ports/reachability';
import { Database } from './schema';

export class SqlReachabilityLog implements ReachabilityLog {
  constructor(private readonly db: Kysely<Database>) {}

  async recordUnreachable(input: { personId: string; schoolId: string; reason: string }, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db
      .insertInto('unreachable_people')
      .values({ person_id: input.personId, school_id: input.schoolId, reason: input.reason, install_requested_at: null, updated_at: at })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ school_id: input.schoolId, reason: input.reason, updated_at: at }))
      .execute();
  }

  async recordInstallRequested(input: { personId: string; schoolId: string }, now: Date): Promise<boolean> {
    const at = now.toISOString();
    await this.db
      .insertInto('unreachable_people')
      .values({ person_id: input.personId, school_id: input.schoolId, reason: null, install_requested_at: null, updated_at: at })
      .onConflict((oc) => oc.column('person_id').doNothing())
      .execute();
    // The conditional update is what makes "install once" hold with several workers.
    const result = await this.db
      .updateTable('unreachable_people')
      .set({ install_requested_at: at, updated_at: at })
      .where('person_id', '=', input.personId)
      .where('install_requested_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async installRequestedAt(personId: string): Promise<Date | null> {
    const row = await this.db.selectFrom('unreachable_people').select('install_requested_at').where('person_id', '=', personId).executeTakeFirst();
    return row?.install_requested_at ? new Date(row.install_requested_at) : null;
  }

  async recordReached(personId: string): Promise<void> {
    await this.db.deleteFrom('unreachable_people').where('person_id', '=', personId).execute();
  }

  async unreachableIn(schoolId: string): Promise<UnreachablePerson[]> {
    const rows = await this.db
      .selectFrom('unreachable_people')
      .leftJoin('school_members', (join) =>
        join.onRef('school_members.person_id', '=', 'unreachable_people.person_id').onRef('school_members.school_id', '=', 'unreachable_people.school_id'),
      )
      .select(['unreachable_people.person_id', 'unreachable_people.reason', 'unreachable_people.updated_at', 'school_members.name'])
      .where('unreachable_people.school_id', '=', schoolId)
      .where('unreachable_people.reason', 'is not', null)
      .orderBy('school_members.name')
      .orderBy('unreachable_people.person_id')
      .execute();
    return rows.map((r) => ({ personId: r.person_id, name: r.name ?? null, reason: r.reason ?? '', since: new Date(r.updated_at) }));
  }
}

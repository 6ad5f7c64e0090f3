import { Kysely } from 'kysely';
import { KnownMember } from '../../domain/lineManagement';
import { Person } from '../../domain/person';
import { Channel, School, SchoolDirectory } from '../../ports/schoolDirectory';
import { Database, SchoolRow } from './schema';
import { writeRidingAlong, WriteTransactions } from './transactions';

const directoryChunk = 500;

export class SqlSchoolDirectory implements SchoolDirectory {
  /** `ridingWith`: write transactions that people's sightings can ride along with (see SqlStoreOptions.ridingWrites). */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly ridingWith?: WriteTransactions,
  ) {}

  async upsertSchool(school: { id: string; name: string; tenantId: string | null }): Promise<void> {
    await this.db
      .insertInto('schools')
      .values({
        id: school.id,
        name: school.name,
        tenant_id: school.tenantId,
        clpl_channel_id: null,
        clpl_channel_name: null,
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: school.name, tenant_id: school.tenantId }))
      .execute();
  }

  async findSchool(schoolId: string): Promise<School | undefined> {
    const row = await this.db.selectFrom('schools').selectAll().where('id', '=', schoolId).executeTakeFirst();
    return row && schoolFromRow(row);
  }

  async listSchools(): Promise<School[]> {
    const rows = await this.db.selectFrom('schools').selectAll().orderBy('created_at').execute();
    return rows.map(schoolFromRow);
  }

  async recordChannels(schoolId: string, channels: readonly Channel[]): Promise<void> {
    for (const channel of channels) {
      await this.db
        .insertInto('channels')
        .values({ school_id: schoolId, channel_id: channel.id, name: channel.name })
        .onConflict((oc) => oc.columns(['school_id', 'channel_id']).doUpdateSet({ name: channel.name }))
        .execute();
    }
  }

  async listChannels(schoolId: string): Promise<Channel[]> {
    const rows = await this.db.selectFrom('channels').selectAll().where('school_id', '=', schoolId).orderBy('name').execute();
    return rows.map((r) => ({ id: r.channel_id, name: r.name }));
  }

  async setClplChannel(schoolId: string, channel: Channel): Promise<void> {
    await this.db
      .updateTable('schools')
      .set({ clpl_channel_id: channel.id, clpl_channel_name: channel.name })
      .where('id', '=', schoolId)
      .execute();
  }

  async recordMember(schoolId: string, person: KnownMember): Promise<void> {
    const seenAt = new Date().toISOString();
    const email = person.email === undefined ? {} : { email: normalEmail(person.email) };
    await this.db
      .insertInto('school_members')
      .values({ school_id: schoolId, person_id: person.id, name: person.name, seen_at: seenAt, email: email.email ?? null })
      .onConflict((oc) => oc.columns(['school_id', 'person_id']).doUpdateSet({ name: person.name, seen_at: seenAt, ...email }))
      .execute();
  }

  async recordMembers(members: ReadonlyArray<{ schoolId: string; person: Person }>): Promise<void> {
    const seenAt = new Date().toISOString();
    // One row per person and school: PostgreSQL refuses an upsert that would touch the same row twice.
    const rows = new Map(members.map(({ schoolId, person }) => [`${schoolId}\u0000${person.id}`, { school_id: schoolId, person_id: person.id, name: person.name, seen_at: seenAt }]));
    if (rows.size === 0) return;
    const upsert = this.db
      .insertInto('school_members')
      .values([...rows.values()])
      .onConflict((oc) => oc.columns(['school_id', 'person_id']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), seen_at: eb.ref('excluded.seen_at') })));
    // Called with everyone seen in a burst of sign-ups: on PostgreSQL written in the same database transaction as
    // sign-ups waiting with it, so it costs no round trip or commit of its own.
    await writeRidingAlong(upsert, this.ridingWith, 'school_members:seen');
  }

  async recordMembersFromDirectory(schoolId: string, people: readonly (Person & { email: string })[]): Promise<void> {
    // One row per person (PostgreSQL refuses an upsert touching a row twice); the epoch sorts after any real sighting,
    // so schoolsOf still prefers the school they were last seen in.
    const rows = [...new Map(people.map((p) => [p.id, { school_id: schoolId, person_id: p.id, name: p.name, seen_at: new Date(0).toISOString(), email: normalEmail(p.email) }])).values()];
    // Each chunk stands alone (and repeats harmlessly), so no transaction is needed; chunks keep under bind-parameter limits.
    for (let i = 0; i < rows.length; i += directoryChunk) {
      await this.db
        .insertInto('school_members')
        .values(rows.slice(i, i + directoryChunk))
        .onConflict((oc) => oc.columns(['school_id', 'person_id']).doUpdateSet((eb) => ({ email: eb.ref('excluded.email') })))
        .execute();
    }
  }

  async listMembers(schoolId: string): Promise<Person[]> {
    const rows = await this.db.selectFrom('school_members').select(['person_id', 'name']).where('school_id', '=', schoolId).orderBy('name').execute();
    return rows.map((r) => ({ id: r.person_id, name: r.name }));
  }

  async listMembersWithEmails(schoolId: string): Promise<KnownMember[]> {
    const rows = await this.db.selectFrom('school_members').select(['person_id', 'name', 'email']).where('school_id', '=', schoolId).orderBy('name').execute();
    return rows.map((r) => ({ id: r.person_id, name: r.name, email: r.email }));
  }

  async schoolsOf(personId: string): Promise<School[]> {
    const rows = await this.db
      .selectFrom('schools')
      .innerJoin('school_members', 'school_members.school_id', 'schools.id')
      .selectAll('schools')
      .where('school_members.person_id', '=', personId)
      .orderBy('school_members.seen_at', 'desc')
      .execute();
    return rows.map(schoolFromRow);
  }
}

function normalEmail(email: string | null): string | null {
  const trimmed = email?.trim().toLowerCase() ?? '';
  return trimmed === '' ? null : trimmed;
}

function schoolFromRow(row: SchoolRow): School {
  return {
    id: row.id,
    name: row.name,
    tenantId: row.tenant_id,
    clplChannel: row.clpl_channel_id ? { id: row.clpl_channel_id, name: row.clpl_channel_name ?? row.clpl_channel_id } : null,
  };
}

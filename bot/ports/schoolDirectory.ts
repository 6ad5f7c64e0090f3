import { KnownMember } from '../domain/lineManagement';
import { Person } from '../domain/person';

export interface Channel {
  id: string;
  name: string;
}

/** A school is the team the app is installed in (or one named by configuration). */
export interface School {
  id: string;
  name: string;
  tenantId: string | null;
  clplChannel: Channel | null;
}

export interface SchoolDirectory {
  upsertSchool(school: { id: string; name: string; tenantId: string | null }): Promise<void>;
  findSchool(schoolId: string): Promise<School | undefined>;
  listSchools(): Promise<School[]>;
  recordChannels(schoolId: string, channels: readonly Channel[]): Promise<void>;
  listChannels(schoolId: string): Promise<Channel[]>;
  setClplChannel(schoolId: string, channel: Channel): Promise<void>;
  /**
   * Remembers that a person belongs to a school, so a command in a 1:1 chat knows which school it is for. An email
   * left out keeps the one already known.
   */
  recordMember(schoolId: string, person: KnownMember): Promise<void>;
  /**
   * Members known from a directory (the team's roster, or Graph by an email SLT gave) and not necessarily seen by the
   * bot yet, in grouped writes: records their email, and adds those not yet known without making this school the one
   * they were last seen in. A name already known is kept.
   */
  recordMembersFromDirectory(schoolId: string, people: readonly (Person & { email: string })[]): Promise<void>;
  /** Several people seen at once, in one write (the last entry wins for a person listed twice); emails are left as they are. */
  recordMembers(members: ReadonlyArray<{ schoolId: string; person: Person }>): Promise<void>;
  schoolsOf(personId: string): Promise<School[]>;
  listMembers(schoolId: string): Promise<Person[]>;
  /** The members with their email where known, to find people by the address SLT give. */
  listMembersWithEmails(schoolId: string): Promise<KnownMember[]>;
}

import { DomainError } from '../domain/errors';
import { Person } from '../domain/person';
import { Channel, School } from '../ports/schoolDirectory';
import { AppDependencies } from './dependencies';

/** The app was added to a team: the team is a school (or belongs to the configured one) and its channels are known. */
export async function registerSchool(
  deps: AppDependencies,
  input: { schoolId: string; name: string; tenantId: string | null; channels: readonly Channel[]; presetClplChannel: Channel | null },
): Promise<void> {
  await deps.stores.schools.upsertSchool({ id: input.schoolId, name: input.name, tenantId: input.tenantId });
  await deps.stores.schools.recordChannels(input.schoolId, input.channels);
  const school = await deps.stores.schools.findSchool(input.schoolId);
  if (school && !school.clplChannel && input.presetClplChannel) {
    await deps.stores.schools.setClplChannel(input.schoolId, input.presetClplChannel);
  }
}

export async function chooseClplChannel(
  deps: AppDependencies,
  input: { schoolId: string; person: Person; channel: Channel },
): Promise<void> {
  if (!deps.leadership.isSlt(input.schoolId, input.person.id)) {
    throw new DomainError('not_slt', 'Only senior leaders can choose the CLPL channel.');
  }
  const school = await deps.stores.schools.findSchool(input.schoolId);
  if (!school) throw new DomainError('school_unknown', 'This school is not set up yet.');
  await deps.stores.schools.recordChannels(input.schoolId, [input.channel]);
  await deps.stores.schools.setClplChannel(input.schoolId, input.channel);
}

/**
 * Which school a command in a 1:1 chat is for: the school where the person was last seen, else the only school.
 * A person in several schools' teams gets the most recent one; they can always act from the school's own team.
 */
export async function schoolForPerson(deps: AppDependencies, personId: string): Promise<School> {
  const own = await deps.stores.schools.schoolsOf(personId);
  if (own[0]) return own[0];
  const all = await deps.stores.schools.listSchools();
  if (all.length === 1 && all[0]) return all[0];
  throw new DomainError('school_unknown', 'I could not tell which school you are in.');
}

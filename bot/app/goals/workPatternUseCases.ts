import { DomainError } from '../../domain/errors';
import { Person } from '../../domain/person';
import { WorkPattern } from '../../ports/workPatterns';
import { AppDependencies } from '../dependencies';
import { sltSchoolOf } from '../reports/offersDashboard';

/** A person sets their own share of full time (their yearly CLPL target follows it). */
export async function setMyWorkPattern(deps: AppDependencies, input: { person: Person; ftePercent: number }): Promise<void> {
  await deps.stores.workPatterns.saveWorkPattern({ personId: input.person.id, ftePercent: input.ftePercent, setBy: input.person, setAt: deps.clock.now() });
}

export interface StaffWorkPattern {
  person: Person;
  pattern: WorkPattern | undefined;
}

/** The staff of the school a senior leader leads, each with their work pattern (full time unless set). */
export async function staffWorkPatterns(deps: AppDependencies, sltId: string): Promise<StaffWorkPattern[]> {
  const school = await sltSchoolOf(deps, sltId);
  if (!school) throw new DomainError('not_slt', 'Only senior leaders can see staff work patterns.');
  const members = await deps.stores.schools.listMembers(school.id);
  const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name));
  return Promise.all(sorted.map(async (person) => ({ person, pattern: await deps.stores.workPatterns.workPatternOf(person.id) })));
}

/**
 * A senior leader sets a member of their school's staff's share of full time. Null when the person is not on that
 * school's staff: anyone else's is not theirs to set.
 */
export async function setStaffWorkPattern(deps: AppDependencies, input: { slt: Person; personId: string; ftePercent: number }): Promise<StaffWorkPattern | null> {
  const staff = await staffWorkPatterns(deps, input.slt.id);
  const member = staff.find((s) => s.person.id === input.personId);
  if (!member) return null;
  const pattern = { personId: input.personId, ftePercent: input.ftePercent, setBy: input.slt, setAt: deps.clock.now() };
  await deps.stores.workPatterns.saveWorkPattern(pattern);
  return { person: member.person, pattern };
}

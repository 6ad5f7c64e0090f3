import { DomainError } from '../../domain/errors';
import { KnownMember, LineManagement, LineManagementRow, looksLikeEmail, resolveLineManagementRows, resolveMember, ReflectionError } from '../../domain/lineManagement';
import { Person } from '../../domain/person';
import { DirectoryPerson } from '../../ports/peopleDirectory';
import { AppDependencies } from '../dependencies';
import { reflectionServices } from './reflectionServices';

function requireSlt(app: AppDependencies, schoolId: string, personId: string): void {
  if (!app.leadership.isSlt(schoolId, personId)) throw new DomainError('not_slt', 'Only senior leaders can change the line-management map.');
}

export interface LineManagementView {
  entries: { staff: Person; manager: Person }[];
}

/** The school's own map, with the names the school knows. */
export async function lineManagementView(app: AppDependencies, input: { schoolId: string; personId: string }): Promise<LineManagementView> {
  requireSlt(app, input.schoolId, input.personId);
  const [map, members] = await Promise.all([app.stores.reflections.lineManagement(input.schoolId), app.stores.schools.listMembers(input.schoolId)]);
  const person = (id: string): Person => ({ id, name: members.find((m) => m.id === id)?.name ?? id });
  return { entries: map.map((e) => ({ staff: person(e.staffId), manager: person(e.managerId) })).sort((a, b) => a.manager.name.localeCompare(b.manager.name) || a.staff.name.localeCompare(b.staff.name)) };
}

/**
 * Replaces the school's map with an imported one; any bad row refuses the whole import and nothing is stored. Members'
 * emails come from the team roster; emails no member is known by are looked up in the directory (Graph) where there is
 * one, and those found are remembered as members, with their email, once the import is accepted.
 */
export async function importLineManagement(app: AppDependencies, input: { schoolId: string; personId: string; rows: readonly LineManagementRow[] }): Promise<LineManagement[]> {
  requireSlt(app, input.schoolId, input.personId);
  const { members, found } = await membersNamed(app, input.schoolId, input.rows.flatMap((r) => [r.staff, r.manager]));
  const entries = resolveLineManagementRows(input.schoolId, input.rows, members);
  await app.stores.schools.recordMembersFromDirectory(input.schoolId, found);
  await app.stores.reflections.replaceLineManagement(input.schoolId, entries);
  return entries;
}

/** Sets or (with an empty manager) removes one person's line manager. */
export async function setLineManager(app: AppDependencies, input: { schoolId: string; personId: string; staff: string; manager: string }): Promise<void> {
  requireSlt(app, input.schoolId, input.personId);
  const { members, found } = await membersNamed(app, input.schoolId, [input.staff, input.manager]);
  if (input.manager.trim() === '') {
    const staff = resolveMember(input.staff, members);
    if (typeof staff === 'string') throw new ReflectionError('invalid_line_management', 'The line-management change needs another look.', { staff: `"${input.staff}": ${staff}` });
    await app.stores.schools.recordMembersFromDirectory(input.schoolId, found);
    await app.stores.reflections.setLineManager(input.schoolId, staff.id, null);
    return;
  }
  const [entry] = resolveLineManagementRows(input.schoolId, [{ staff: input.staff, manager: input.manager }], members);
  await app.stores.schools.recordMembersFromDirectory(input.schoolId, found);
  await app.stores.reflections.setLineManager(input.schoolId, entry!.staffId, entry!.managerId);
}

/**
 * The school's members, plus anyone the directory finds by an email given in `texts` that no member is known by.
 * Without a directory (local mode, or CLPL_ORG_DIRECTORY=map) the members' own emails, read from the team roster, decide.
 */
async function membersNamed(app: AppDependencies, schoolId: string, texts: readonly string[]): Promise<{ members: KnownMember[]; found: DirectoryPerson[] }> {
  const members = await app.stores.schools.listMembersWithEmails(schoolId);
  const services = reflectionServices(app);
  const knownEmails = new Set(members.flatMap((m) => (m.email ? [m.email.toLowerCase()] : [])));
  const unknown = [...new Set(texts.map((t) => t.trim().toLowerCase()).filter((t) => looksLikeEmail(t) && !knownEmails.has(t)))];
  if (!services.people || unknown.length === 0) return { members, found: [] };
  let answers: Map<string, DirectoryPerson | null>;
  try {
    answers = await services.people.findByEmails(unknown);
  } catch (error) {
    services.onOrgError?.(error);
    throw new ReflectionError('invalid_line_management', 'The directory could not be reached to look up email addresses.', { directory: 'try again in a few minutes' });
  }
  const found = [...answers.values()].filter((p): p is DirectoryPerson => p !== null);
  const byId = new Map<string, KnownMember>(members.map((m) => [m.id, m]));
  // A member the bot has already seen keeps the name Teams gave; the directory adds their email.
  for (const person of found) byId.set(person.id, { ...(byId.get(person.id) ?? person), email: person.email });
  return { members: [...byId.values()], found };
}

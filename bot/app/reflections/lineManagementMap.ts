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
 * one, and those found are remembered as members, with their email, once the import is accepted. `onProgress` hears
 * how many of those lookups are done. Nothing is written until every lookup is back and every row resolves, and the map
 * is then replaced in one transaction, so an import that fails or crashes part-way leaves the old map as it was.
 */
export async function importLineManagement(
  app: AppDependencies,
  input: { schoolId: string; personId: string; rows: readonly LineManagementRow[]; onProgress?: (done: number, total: number) => void },
): Promise<LineManagement[]> {
  requireSlt(app, input.schoolId, input.personId);
  const { members, found } = await membersNamed(app, input.schoolId, textsOf(input.rows), input.onProgress);
  const entries = resolveLineManagementRows(input.schoolId, input.rows, members);
  await app.stores.schools.recordMembersFromDirectory(input.schoolId, found);
  await app.stores.reflections.replaceLineManagement(input.schoolId, entries);
  return entries;
}

/** How many addresses an import of these rows would look up in the directory (none without one): SLT only. */
export async function directoryLookupsFor(app: AppDependencies, input: { schoolId: string; personId: string; rows: readonly LineManagementRow[] }): Promise<number> {
  requireSlt(app, input.schoolId, input.personId);
  if (!reflectionServices(app).people) return 0;
  return unknownEmails(await app.stores.schools.listMembersWithEmails(input.schoolId), textsOf(input.rows)).length;
}

const textsOf = (rows: readonly LineManagementRow[]): string[] => rows.flatMap((r) => [r.staff, r.manager]);

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
async function membersNamed(
  app: AppDependencies,
  schoolId: string,
  texts: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ members: KnownMember[]; found: DirectoryPerson[] }> {
  const members = await app.stores.schools.listMembersWithEmails(schoolId);
  const services = reflectionServices(app);
  const unknown = unknownEmails(members, texts);
  if (!services.people || unknown.length === 0) return { members, found: [] };
  let answers: Map<string, DirectoryPerson | null>;
  try {
    answers = await services.people.findByEmails(unknown, onProgress && ((done) => onProgress(done, unknown.length)));
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

/** The distinct emails in `texts` (lower case) that no member is known by. */
function unknownEmails(members: readonly KnownMember[], texts: readonly string[]): string[] {
  const knownEmails = new Set(members.flatMap((m) => (m.email ? [m.email.toLowerCase()] : [])));
  return [...new Set(texts.map((t) => t.trim().toLowerCase()).filter((t) => looksLikeEmail(t) && !knownEmails.has(t)))];
}

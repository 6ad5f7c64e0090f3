import { DomainError } from '../../domain/errors';
import { LineManagement, LineManagementRow, resolveLineManagementRows, resolveMember, ReflectionError } from '../../domain/lineManagement';
import { Person } from '../../domain/person';
import { AppDependencies } from '../dependencies';

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

/** Replaces the school's map with an imported one; any unresolved row refuses the whole import. */
export async function importLineManagement(app: AppDependencies, input: { schoolId: string; personId: string; rows: readonly LineManagementRow[] }): Promise<LineManagement[]> {
  requireSlt(app, input.schoolId, input.personId);
  const entries = resolveLineManagementRows(input.schoolId, input.rows, await app.stores.schools.listMembers(input.schoolId));
  await app.stores.reflections.replaceLineManagement(input.schoolId, entries);
  return entries;
}

/** Sets or (with an empty manager) removes one person's line manager. */
export async function setLineManager(app: AppDependencies, input: { schoolId: string; personId: string; staff: string; manager: string }): Promise<void> {
  requireSlt(app, input.schoolId, input.personId);
  const members = await app.stores.schools.listMembers(input.schoolId);
  if (input.manager.trim() === '') {
    const staff = resolveMember(input.staff, members);
    if (typeof staff === 'string') throw new ReflectionError('invalid_line_management', 'The line-management change needs another look.', { staff: `"${input.staff}": ${staff}` });
    await app.stores.reflections.setLineManager(input.schoolId, staff.id, null);
    return;
  }
  const [entry] = resolveLineManagementRows(input.schoolId, [{ staff: input.staff, manager: input.manager }], members);
  await app.stores.reflections.setLineManager(input.schoolId, entry!.staffId, entry!.managerId);
}

import { Person } from '../../domain/person';
import { OrgDirectory } from '../../ports/lineManagers';
import { ReflectionStore } from '../../ports/reflectionStore';
import { SchoolDirectory } from '../../ports/schoolDirectory';

export interface DirectReportsDeps {
  /** Microsoft Graph; absent in local mode, where the app's map alone decides. */
  org: OrgDirectory | null;
  reflections: ReflectionStore;
  schools: SchoolDirectory;
  /** Told when Graph fails, so the map is used rather than failing the command. */
  onOrgError?: (error: unknown) => void;
}

/** A manager's direct reports: Graph where it holds the relation, the app's own map where it does not. */
export async function directReportsOf(deps: DirectReportsDeps, schoolId: string, managerId: string): Promise<Person[]> {
  if (deps.org) {
    try {
      const fromGraph = await deps.org.directReportsOf(managerId);
      if (fromGraph) return sortByName(fromGraph);
    } catch (error) {
      deps.onOrgError?.(error);
    }
  }
  const [map, members] = await Promise.all([deps.reflections.lineManagement(schoolId), deps.schools.listMembers(schoolId)]);
  const names = new Map(members.map((m) => [m.id, m.name]));
  return sortByName(map.filter((e) => e.managerId === managerId).map((e) => ({ id: e.staffId, name: names.get(e.staffId) ?? e.staffId })));
}

function sortByName(people: Person[]): Person[] {
  return [...people].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

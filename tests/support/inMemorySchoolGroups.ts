import { GroupKind, SchoolGroup, SchoolGroups } from '../../bot/ports/schoolGroups';

/** Groups for tests: flat (no nesting), members and leads as given; `leave` takes a school out of a group. */
export class InMemorySchoolGroups implements SchoolGroups {
  private readonly groups = new Map<string, { group: SchoolGroup; schools: string[]; leads: string[] }>();

  add(group: { id: string; name?: string; kind?: GroupKind; schools: string[]; leads: string[] }): this {
    this.groups.set(group.id, { group: { id: group.id, name: group.name ?? group.id, kind: group.kind ?? 'cluster' }, schools: [...group.schools], leads: [...group.leads] });
    return this;
  }

  leave(groupId: string, schoolId: string): void {
    const entry = this.groups.get(groupId);
    if (entry) entry.schools = entry.schools.filter((s) => s !== schoolId);
  }

  async findGroup(groupId: string): Promise<SchoolGroup | undefined> {
    return this.groups.get(groupId)?.group;
  }
  async schoolsIn(groupId: string): Promise<string[]> {
    return [...(this.groups.get(groupId)?.schools ?? [])];
  }
  async isLead(groupId: string, personId: string): Promise<boolean> {
    return this.groups.get(groupId)?.leads.includes(personId) ?? false;
  }
  async groupsLedBy(personId: string): Promise<SchoolGroup[]> {
    return [...this.groups.values()].filter((g) => g.leads.includes(personId)).map((g) => g.group);
  }
  async groupsOfSchool(schoolId: string): Promise<SchoolGroup[]> {
    return [...this.groups.values()].filter((g) => g.schools.includes(schoolId)).map((g) => g.group);
  }
}

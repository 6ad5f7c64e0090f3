/**
 * Groups of schools above the school: a cluster (a secondary and its associated primaries), a local authority, a
 * Regional Improvement Collaborative. A school may be in several groups and groups may contain groups; a group's
 * CLPL leads may offer CLPL to the whole group and see its reports.
 */
export type GroupKind = 'cluster' | 'authority' | 'collaborative';

export interface SchoolGroup {
  id: string;
  name: string;
  kind: GroupKind;
}

export interface SchoolGroups {
  findGroup(groupId: string): Promise<SchoolGroup | undefined>;
  /** Every school in the group, through nested groups, each once, in a stable order. */
  schoolsIn(groupId: string): Promise<string[]>;
  /** Whether the person leads this group, directly or by leading a group that contains it. */
  isLead(groupId: string, personId: string): Promise<boolean>;
  /** The groups a person leads, directly or through a group that contains them. */
  groupsLedBy(personId: string): Promise<SchoolGroup[]>;
  /** The groups a school belongs to, directly or through nesting. */
  groupsOfSchool(schoolId: string): Promise<SchoolGroup[]>;
}

import { GroupChange, GroupChangeDecision, GroupDefinition } from '../domain/schoolGroups';

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

/**
 * What the store keeps beyond the questions above: the whole definition, the groups file applied at start-up, and a
 * lead's changes by command. Stores.groups is one; code that only asks questions depends on SchoolGroups.
 */
export interface SchoolGroupStore extends SchoolGroups {
  /** Every group (by id) with its direct schools, groups and leads, each in the order added (those added together by id). */
  definitions(): Promise<GroupDefinition[]>;
  /**
   * Makes the database match a (checked) groups file, in one transaction, unless this same file was applied last:
   * groups not in the file go; the file's own schools, groups and leads are replaced by the file's; those added by
   * command stay. Throws GroupsFileRejected when the result would not be a valid set of groups.
   */
  applyFile(definitions: readonly GroupDefinition[], fingerprint: string, at: Date): Promise<{ applied: boolean; groups: number }>;
  /** A lead's change, decided (decideGroupChange) on a fresh read in one write transaction and saved if allowed. */
  changeGroup(groupId: string, actorId: string, change: GroupChange, at: Date): Promise<GroupChangeDecision>;
}

export class GroupsFileRejected extends Error {
  constructor(readonly problems: string[]) {
    super(`The groups file cannot be applied:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'GroupsFileRejected';
  }
}

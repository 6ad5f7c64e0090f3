import { DomainError } from '../../domain/errors';
import { SchoolGroup, SchoolGroups } from '../../ports/schoolGroups';

/** What a group's CLPL leads (and only they) may do for the group. */
export type GroupAction = 'offer' | 'edit_offer' | 'read_reports' | 'change_group';

/**
 * Whether the person may act for the group: a lead of the group or of a group containing it. Being SLT of a school in
 * the group gives nothing here (a school's SLT cannot edit a group's offer), and leading a sibling or a contained group
 * does not reach up or across. Every action has the same rule today; the action names it so that it can differ.
 */
export async function mayActForGroup(groups: SchoolGroups, groupId: string, personId: string, _action: GroupAction): Promise<boolean> {
  return groups.isLead(groupId, personId);
}

/** The group, when the person may act for it; else `group_not_found` or `not_group_lead` (HTTP 404 / 403). */
export async function requireGroupLead(groups: SchoolGroups, groupId: string, personId: string, action: GroupAction): Promise<SchoolGroup> {
  const group = await groups.findGroup(groupId);
  if (!group) throw new DomainError('group_not_found', `No group ${groupId}.`);
  if (!(await mayActForGroup(groups, groupId, personId, action))) throw new DomainError('not_group_lead', `Only the leads of ${group.name} may do that.`);
  return group;
}

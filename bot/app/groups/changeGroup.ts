import { DomainError } from '../../domain/errors';
import { Person } from '../../domain/person';
import { GroupChange, GroupDefinition } from '../../domain/schoolGroups';
import { AppDependencies } from '../dependencies';
import { postToNewMember } from '../groupOffers/postGroupOffer';
import { requireGroupLead } from './groupAccess';

export type GroupCommand = { action: 'add' | 'remove'; what: 'school'; school: string } | { action: 'add' | 'remove'; what: 'lead'; lead: string };

/** A lead's change to a group, with schools named as the app knows them and leads by email (or id, to remove). */
export async function changeGroup(
  deps: AppDependencies,
  input: { groupId: string; actor: Person; command: GroupCommand },
): Promise<{ changed: boolean; group: GroupDefinition; member: string }> {
  const { groups } = deps.stores;
  // Refused before anything is looked up, so a non-lead learns nothing about schools or colleagues.
  await requireGroupLead(groups, input.groupId, input.actor.id, 'change_group');
  const { change, member } = await resolve(deps, input.groupId, input.command);
  const decision = await groups.changeGroup(input.groupId, input.actor.id, change, deps.clock.now());
  if (decision.outcome === 'refused') throw new DomainError(decision.reason);
  // A school that joins gets the group's open offers in its channel (and a school back in it, its card redrawn).
  if (decision.outcome === 'changed' && change.kind === 'add_school') await postToNewMember(deps, change.schoolId);
  return { changed: decision.outcome === 'changed', group: decision.group, member };
}

async function resolve(deps: Pick<AppDependencies, 'stores'>, groupId: string, command: GroupCommand): Promise<{ change: GroupChange; member: string }> {
  if (command.what === 'school') {
    const wanted = command.school.trim().toLowerCase();
    const school = (await deps.stores.schools.listSchools()).find((s) => s.id.toLowerCase() === wanted || s.name.trim().toLowerCase() === wanted);
    // A school no longer known can still be taken out by the id the group lists.
    const listed = command.action === 'remove' ? (await deps.stores.groups.definitions()).find((g) => g.id === groupId)?.schools.find((id) => id.toLowerCase() === wanted) : undefined;
    const schoolId = school?.id ?? listed;
    if (!schoolId) throw new DomainError('group_school_unknown');
    return { change: { kind: command.action === 'add' ? 'add_school' : 'remove_school', schoolId }, member: school?.name ?? schoolId };
  }
  const wanted = command.lead.trim().toLowerCase();
  if (command.action === 'remove') {
    const direct = (await deps.stores.groups.definitions()).find((g) => g.id === groupId)?.leads.find((id) => id.toLowerCase() === wanted);
    if (direct) return { change: { kind: 'remove_lead', personId: direct }, member: direct };
  }
  const person = await personByEmail(deps, wanted);
  if (!person) throw new DomainError('group_lead_unknown');
  return { change: { kind: command.action === 'add' ? 'add_lead' : 'remove_lead', personId: person.id }, member: `${person.name} (${person.email})` };
}

async function personByEmail(deps: Pick<AppDependencies, 'stores'>, email: string) {
  for (const school of await deps.stores.schools.listSchools()) {
    const found = (await deps.stores.schools.listMembersWithEmails(school.id)).find((m) => m.email?.toLowerCase() === email);
    if (found?.email) return { id: found.id, name: found.name, email: found.email };
  }
  return undefined;
}

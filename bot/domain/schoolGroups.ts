/**
 * Groups of schools above the school (a cluster, a local authority, a Regional Improvement Collaborative): the group
 * graph, what it expands to, who leads what, and every problem with a definition. Pure: the store and the groups file
 * both come through here.
 *
 * Lead inheritance runs downwards only: a lead of a group leads every group it contains. An authority's CLPL lead
 * answers for the clusters in the authority, and a collaborative's work-stream lead commissions CLPL for all its
 * authorities (seeds: FVWL RIC rationale, West Partnership plan), so each need not be named on every cluster again.
 * It never runs upwards or sideways: a cluster's lead does not lead its authority, nor a neighbouring cluster.
 */
export const groupKinds = ['cluster', 'authority', 'collaborative'] as const;
export type GroupKind = (typeof groupKinds)[number];

export interface GroupDefinition {
  id: string;
  name: string;
  kind: GroupKind;
  /** Schools directly in the group (school ids: the team ids the app knows schools by). */
  schools: readonly string[];
  /** Groups directly contained in this one. */
  groups: readonly string[];
  /** People who lead this group directly (Entra object ids). */
  leads: readonly string[];
}

/** Typed in commands (`group fv-north add school …`), so short, lower case and without spaces. */
export const groupIdPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
/** An Entra object id (or any opaque id Teams gives) — never an email, a name or a list. */
export const personIdPattern = /^[^\s@,;<>"']{1,200}$/;
const schoolIdPattern = /^\S{1,300}$/;

/** Every problem with a set of definitions, each a sentence naming the group; empty when it can be used. */
export function groupProblems(definitions: readonly GroupDefinition[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const [index, group] of definitions.entries()) {
    const where = group.id ? `group "${group.id}"` : `group ${index + 1}`;
    if (!groupIdPattern.test(group.id)) {
      problems.push(`${where}: the id must be 1 to 64 lower-case letters, digits or hyphens (for example "falkirk-north-cluster").`);
    }
    if (ids.has(group.id)) problems.push(`${where}: the id is used by more than one group.`);
    ids.add(group.id);
    if (group.name.trim() === '') problems.push(`${where}: the name is empty.`);
    if (!(groupKinds as readonly string[]).includes(group.kind)) problems.push(`${where}: the kind must be one of ${groupKinds.join(', ')}.`);
    for (const school of group.schools) if (!schoolIdPattern.test(school)) problems.push(`${where}: the school id "${school}" is empty or has spaces in it.`);
    for (const lead of group.leads) {
      if (!personIdPattern.test(lead)) {
        problems.push(`${where}: the lead "${lead}" is not a person's id (use their Entra object id; a lead can add others by email with the "group ${group.id || '<id>'} add lead" command).`);
      }
    }
    for (const [list, label] of [
      [group.schools, 'school'],
      [group.groups, 'group'],
      [group.leads, 'lead'],
    ] as const) {
      for (const repeated of duplicates(list)) problems.push(`${where}: the ${label} "${repeated}" is listed more than once.`);
    }
  }
  for (const group of definitions) {
    for (const child of group.groups) {
      if (child === group.id) problems.push(`group "${group.id}": contains itself.`);
      else if (!ids.has(child)) problems.push(`group "${group.id}": contains the group "${child}", which is not defined.`);
    }
  }
  for (const cycle of cyclesIn(definitions)) problems.push(`groups contain one another in a cycle: ${cycle.join(' → ')}.`);
  return problems;
}

/** One cycle per loop of containment (beyond a group containing itself), each starting at its smallest id. */
function cyclesIn(definitions: readonly GroupDefinition[]): string[][] {
  // A duplicated id (reported on its own) keeps the children of every definition, so its loops are found too.
  const children = new Map<string, string[]>();
  for (const g of definitions) children.set(g.id, [...(children.get(g.id) ?? []), ...g.groups.filter((c) => c !== g.id)]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found = new Map<string, string[]>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const child of children.get(id) ?? []) {
      if (!children.has(child)) continue;
      if (state.get(child) === 'open') {
        const loop = stack.slice(stack.indexOf(child));
        const start = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        found.set(rotated.join('|'), [...rotated, rotated[0]!]);
      } else if (!state.has(child)) visit(child);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of children.keys()) if (!state.has(id)) visit(id);
  return [...found.values()];
}

function duplicates(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of list) (seen.has(item) ? repeated : seen).add(item);
  return [...repeated];
}

/**
 * The groups as a graph, for questions about nesting. Built from definitions that passed `groupProblems`; it still
 * stops at a loop or an unknown id rather than running forever, so a bad row in the database cannot hang a request.
 */
export class GroupGraph {
  private readonly byId: Map<string, GroupDefinition>;
  private readonly parents = new Map<string, string[]>();

  constructor(definitions: readonly GroupDefinition[]) {
    this.byId = new Map(definitions.map((g) => [g.id, g]));
    for (const group of definitions) {
      for (const child of group.groups) this.parents.set(child, [...(this.parents.get(child) ?? []), group.id]);
    }
  }

  all(): GroupDefinition[] {
    return [...this.byId.values()].sort(byId);
  }

  group(groupId: string): GroupDefinition | undefined {
    return this.byId.get(groupId);
  }

  /** The group and every group inside it, however deep. */
  groupsWithin(groupId: string): string[] {
    return this.walk(groupId, (id) => this.byId.get(id)?.groups ?? []);
  }

  /** The group and every group that contains it, however high. */
  groupsContaining(groupId: string): string[] {
    return this.walk(groupId, (id) => this.parents.get(id) ?? []);
  }

  /** Every school in the group through nested groups, each once, sorted by id. */
  schoolsIn(groupId: string): string[] {
    if (!this.byId.has(groupId)) return [];
    const schools = new Set(this.groupsWithin(groupId).flatMap((id) => this.byId.get(id)?.schools ?? []));
    return [...schools].sort();
  }

  /** Leads the group directly or through a group that contains it. */
  isLead(groupId: string, personId: string): boolean {
    if (!this.byId.has(groupId)) return false;
    return this.groupsContaining(groupId).some((id) => this.byId.get(id)?.leads.includes(personId));
  }

  /** Everyone who leads the group, directly or from a containing group. */
  leadsOf(groupId: string): string[] {
    if (!this.byId.has(groupId)) return [];
    return [...new Set(this.groupsContaining(groupId).flatMap((id) => this.byId.get(id)?.leads ?? []))].sort();
  }

  groupsLedBy(personId: string): GroupDefinition[] {
    const led = new Set([...this.byId.values()].filter((g) => g.leads.includes(personId)).flatMap((g) => this.groupsWithin(g.id)));
    return this.definitionsOf(led);
  }

  groupsOfSchool(schoolId: string): GroupDefinition[] {
    const direct = [...this.byId.values()].filter((g) => g.schools.includes(schoolId));
    return this.definitionsOf(new Set(direct.flatMap((g) => this.groupsContaining(g.id))));
  }

  private definitionsOf(ids: Set<string>): GroupDefinition[] {
    return [...ids].flatMap((id) => this.byId.get(id) ?? []).sort(byId);
  }

  private walk(start: string, next: (id: string) => readonly string[]): string[] {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id) || !this.byId.has(id)) continue;
      seen.add(id);
      queue.push(...next(id));
    }
    return [...seen];
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What a lead may change by command: the schools in a group and its leads (nesting is the file's). */
export type GroupChange =
  | { kind: 'add_school'; schoolId: string }
  | { kind: 'remove_school'; schoolId: string }
  | { kind: 'add_lead'; personId: string }
  | { kind: 'remove_lead'; personId: string };

export type GroupChangeRefusal = 'group_not_found' | 'not_group_lead' | 'group_needs_a_lead';

export type GroupChangeDecision = { outcome: 'changed' | 'unchanged'; group: GroupDefinition } | { outcome: 'refused'; reason: GroupChangeRefusal };

/**
 * Decides a lead's change against the current groups: the group as it would be afterwards, `unchanged` when it
 * already is so, or why not. Only a lead of the group (or of a group containing it) may change it, and the last
 * person able to lead it cannot be removed, or no one could change it again but an administrator with the file.
 */
export function decideGroupChange(
  graph: GroupGraph,
  groupId: string,
  actorId: string,
  change: GroupChange,
): GroupChangeDecision {
  const group = graph.group(groupId);
  if (!group) return { outcome: 'refused', reason: 'group_not_found' };
  if (!graph.isLead(groupId, actorId)) return { outcome: 'refused', reason: 'not_group_lead' };
  const next = applyChange(group, change);
  if (sameMembers(group, next)) return { outcome: 'unchanged', group };
  if (change.kind === 'remove_lead') {
    const after = new GroupGraph(graph.all().map((g) => (g.id === groupId ? next : g)));
    if (after.leadsOf(groupId).length === 0) return { outcome: 'refused', reason: 'group_needs_a_lead' };
  }
  return { outcome: 'changed', group: next };
}

function applyChange(group: GroupDefinition, change: GroupChange): GroupDefinition {
  switch (change.kind) {
    case 'add_school':
      return group.schools.includes(change.schoolId) ? group : { ...group, schools: [...group.schools, change.schoolId] };
    case 'remove_school':
      return { ...group, schools: group.schools.filter((s) => s !== change.schoolId) };
    case 'add_lead':
      return group.leads.includes(change.personId) ? group : { ...group, leads: [...group.leads, change.personId] };
    case 'remove_lead':
      return { ...group, leads: group.leads.filter((l) => l !== change.personId) };
  }
}

function sameMembers(a: GroupDefinition, b: GroupDefinition): boolean {
  return a.schools.length === b.schools.length && a.leads.length === b.leads.length;
}

import { Kysely } from 'kysely';
import { decideGroupChange, GroupChange, GroupChangeDecision, GroupDefinition, GroupGraph, GroupKind, groupProblems } from '../../domain/schoolGroups';
import { GroupsFileRejected, SchoolGroup, SchoolGroupStore } from '../../ports/schoolGroups';
import { Database, Dialect } from './schema';
import { inWriteTransaction } from './transactions';

const fileRow = 'groups';

/** How long a read of the graph answers questions: another instance's change is seen within this. */
const graphFreshForMs = 2_000;

/**
 * Groups of schools over one Kysely database. Every question asks the domain of the whole graph, so nesting and
 * inherited leads are decided in one place for SQLite and PostgreSQL alike. The graph (hundreds of schools on a
 * national deployment) is read at most once per `graphFreshForMs`, not on every sign-up to a group offer, and again
 * at once after this process changes it; decisions that change groups always read it fresh in their transaction.
 */
export class SqlSchoolGroupStore implements SchoolGroupStore {
  private cached: { readAt: number; graph: Promise<GroupGraph> } | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly now: () => number = Date.now,
  ) {}

  async findGroup(groupId: string): Promise<SchoolGroup | undefined> {
    const row = await this.db.selectFrom('school_groups').select(['id', 'name', 'kind']).where('id', '=', groupId).executeTakeFirst();
    return row && { id: row.id, name: row.name, kind: row.kind as GroupKind };
  }

  async schoolsIn(groupId: string): Promise<string[]> {
    return (await this.graph()).schoolsIn(groupId);
  }

  async isLead(groupId: string, personId: string): Promise<boolean> {
    return (await this.graph()).isLead(groupId, personId);
  }

  async groupsLedBy(personId: string): Promise<SchoolGroup[]> {
    return (await this.graph()).groupsLedBy(personId).map(summary);
  }

  async groupsOfSchool(schoolId: string): Promise<SchoolGroup[]> {
    return (await this.graph()).groupsOfSchool(schoolId).map(summary);
  }

  async definitions(): Promise<GroupDefinition[]> {
    return readDefinitions(this.db);
  }

  async applyFile(definitions: readonly GroupDefinition[], fingerprint: string, at: Date): Promise<{ applied: boolean; groups: number }> {
    // Forgotten after the commit too, so a question asked meanwhile cannot keep the graph from before it.
    this.cached = null;
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      const last = await trx.selectFrom('school_group_file').select('fingerprint').where('id', '=', fileRow).executeTakeFirst();
      if (last?.fingerprint === fingerprint) return { applied: false, groups: definitions.length };
      const now = at.toISOString();
      const ids = definitions.map((g) => g.id);
      // Groups the file no longer names go, with what they contain and anything that contained them.
      const gone = (await trx.selectFrom('school_groups').select('id').execute()).map((r) => r.id).filter((id) => !ids.includes(id));
      if (gone.length > 0) {
        await trx.deleteFrom('school_group_members').where('group_id', 'in', gone).execute();
        await trx.deleteFrom('school_group_members').where('member_kind', '=', 'group').where('member_id', 'in', gone).execute();
        await trx.deleteFrom('school_group_leads').where('group_id', 'in', gone).execute();
        await trx.deleteFrom('school_groups').where('id', 'in', gone).execute();
      }
      for (const group of definitions) {
        await trx
          .insertInto('school_groups')
          .values({ id: group.id, name: group.name, kind: group.kind, updated_at: now })
          .onConflict((oc) => oc.column('id').doUpdateSet({ name: group.name, kind: group.kind, updated_at: now }))
          .execute();
      }
      // The file's own rows become exactly the file's; rows a lead added by command are left as they are.
      await trx.deleteFrom('school_group_members').where('from_file', '=', 1).execute();
      await trx.deleteFrom('school_group_leads').where('from_file', '=', 1).execute();
      for (const group of definitions) {
        const members = [...group.schools.map((id) => ({ kind: 'school' as const, id })), ...group.groups.map((id) => ({ kind: 'group' as const, id }))];
        for (const member of members) {
          await trx
            .insertInto('school_group_members')
            .values({ group_id: group.id, member_kind: member.kind, member_id: member.id, from_file: 1, added_at: now })
            .onConflict((oc) => oc.columns(['group_id', 'member_kind', 'member_id']).doUpdateSet({ from_file: 1 }))
            .execute();
        }
        for (const lead of group.leads) {
          await trx
            .insertInto('school_group_leads')
            .values({ group_id: group.id, person_id: lead, from_file: 1, added_by_id: null, added_at: now })
            .onConflict((oc) => oc.columns(['group_id', 'person_id']).doUpdateSet({ from_file: 1 }))
            .execute();
        }
      }
      const problems = groupProblems(await readDefinitions(trx));
      if (problems.length > 0) throw new GroupsFileRejected(problems);
      await trx
        .insertInto('school_group_file')
        .values({ id: fileRow, fingerprint, applied_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ fingerprint, applied_at: now }))
        .execute();
      return { applied: true, groups: definitions.length };
    }).finally(() => (this.cached = null));
  }

  async changeGroup(groupId: string, actorId: string, change: GroupChange, at: Date): Promise<GroupChangeDecision> {
    // Forgotten after the commit too, so a question asked meanwhile cannot keep the graph from before it.
    this.cached = null;
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      // PostgreSQL: lock the groups so two leads removing each other cannot both pass the last-lead check.
      if (this.dialect === 'postgres') await trx.selectFrom('school_groups').select('id').forUpdate().execute();
      const decision = decideGroupChange(new GroupGraph(await readDefinitions(trx)), groupId, actorId, change);
      if (decision.outcome !== 'changed') return decision;
      const now = at.toISOString();
      switch (change.kind) {
        case 'add_school':
          await trx.insertInto('school_group_members').values({ group_id: groupId, member_kind: 'school', member_id: change.schoolId, from_file: 0, added_at: now }).execute();
          break;
        case 'remove_school':
          await trx.deleteFrom('school_group_members').where('group_id', '=', groupId).where('member_kind', '=', 'school').where('member_id', '=', change.schoolId).execute();
          break;
        case 'add_lead':
          await trx.insertInto('school_group_leads').values({ group_id: groupId, person_id: change.personId, from_file: 0, added_by_id: actorId, added_at: now }).execute();
          break;
        case 'remove_lead':
          await trx.deleteFrom('school_group_leads').where('group_id', '=', groupId).where('person_id', '=', change.personId).execute();
          break;
      }
      await trx.updateTable('school_groups').set({ updated_at: now }).where('id', '=', groupId).execute();
      return decision;
    }).finally(() => (this.cached = null));
  }

  private graph(): Promise<GroupGraph> {
    const now = this.now();
    if (this.cached && now - this.cached.readAt < graphFreshForMs) return this.cached.graph;
    const graph = readDefinitions(this.db).then((definitions) => new GroupGraph(definitions));
    const entry = { readAt: now, graph };
    this.cached = entry;
    // A failed read is not kept: the next question reads again.
    graph.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return graph;
  }
}

async function readDefinitions(db: Kysely<Database>): Promise<GroupDefinition[]> {
  const [groups, members, leads] = await Promise.all([
    db.selectFrom('school_groups').select(['id', 'name', 'kind']).orderBy('id').execute(),
    db.selectFrom('school_group_members').select(['group_id', 'member_kind', 'member_id']).orderBy('added_at').orderBy('member_id').execute(),
    db.selectFrom('school_group_leads').select(['group_id', 'person_id']).orderBy('added_at').orderBy('person_id').execute(),
  ]);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    kind: g.kind as GroupKind,
    schools: members.filter((m) => m.group_id === g.id && m.member_kind === 'school').map((m) => m.member_id),
    groups: members.filter((m) => m.group_id === g.id && m.member_kind === 'group').map((m) => m.member_id),
    leads: leads.filter((l) => l.group_id === g.id).map((l) => l.person_id),
  }));
}

const summary = (g: GroupDefinition): SchoolGroup => ({ id: g.id, name: g.name, kind: g.kind });

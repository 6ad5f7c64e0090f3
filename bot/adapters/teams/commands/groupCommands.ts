import { z } from 'zod';
import { changeGroup, GroupCommand } from '../../../app/groups/changeGroup';
import { requireGroupLead } from '../../../app/groups/groupAccess';
import { AppDependencies } from '../../../app/dependencies';
import { GroupDefinition, groupIdPattern } from '../../../domain/schoolGroups';
import { messageCard } from '../cards/messageCard';
import { TextCommand } from './types';

/** A FactSet row per group stays readable up to here. */
const maxShown = 25;

const groupCommandText = z.union([
  z.object({ groupId: z.string().regex(groupIdPattern), change: z.undefined() }),
  z.object({
    groupId: z.string().regex(groupIdPattern),
    change: z.union([
      z.object({ action: z.enum(['add', 'remove']), what: z.literal('school'), school: z.string().trim().min(1).max(300) }),
      z.object({ action: z.enum(['add', 'remove']), what: z.literal('lead'), lead: z.string().trim().min(1).max(320).regex(/^\S+$/, 'one email address') }),
    ]),
  }),
]);

/** `group <id>` or `group <id> add|remove school|lead <who>`, read from the text as typed (names keep their case). */
function parseGroupText(text: string) {
  const match = /^group\s+(\S+)(?:\s+(add|remove)\s+(school|lead)\s+(.+))?$/i.exec(text.trim().replace(/[.!]+$/, ''));
  if (!match) return null;
  const [, groupId, action, what, who] = match;
  const change = action ? { action: action.toLowerCase(), what: what!.toLowerCase(), ...(what!.toLowerCase() === 'school' ? { school: who } : { lead: who }) } : undefined;
  const parsed = groupCommandText.safeParse({ groupId: groupId!.toLowerCase(), change });
  return parsed.success ? parsed.data : null;
}

const usage = 'Type "group <id>" to see a group, or "group <id> add school <school name>", "group <id> remove school <school name>", "group <id> add lead <email>", "group <id> remove lead <email>". Type "groups" for the ids.';

export const groupsList: TextCommand = {
  name: 'groups',
  phrases: /^(my )?groups( of schools)?$/,
  help: { title: 'groups', text: 'The groups of schools (cluster, authority, collaborative) you lead as a CLPL lead, with their schools.', forSlt: false },
  async run(ctx) {
    const led = await ctx.app.stores.groups.groupsLedBy(ctx.person.id);
    if (led.length === 0) {
      await ctx.replyCard(messageCard('You lead no groups of schools', 'Groups of schools and their CLPL leads are set by your administrator (CLPL_GROUPS_FILE) or by a lead of the group.'));
      return;
    }
    const definitions = new Map((await ctx.app.stores.groups.definitions()).map((g) => [g.id, g]));
    const names = await schoolNames(ctx.app);
    const facts = await Promise.all(
      led.slice(0, maxShown).map(async (g) => {
        const schools = await ctx.app.stores.groups.schoolsIn(g.id);
        const contains = definitions.get(g.id)?.groups ?? [];
        return {
          title: `${g.name} (${g.id})`,
          value: `${kindText[g.kind]}; ${schools.length} ${schools.length === 1 ? 'school' : 'schools'}${schools.length > 0 ? `: ${schools.map((s) => names.get(s) ?? s).join(', ')}` : ''}${contains.length > 0 ? `; contains ${contains.join(', ')}` : ''}`,
        };
      }),
    );
    const more = led.length > maxShown ? ` The first ${maxShown} are shown.` : '';
    await ctx.replyCard(messageCard(`You lead ${led.length} ${led.length === 1 ? 'group' : 'groups'} of schools`, `Leading a group, you lead the groups inside it too. ${usage}${more}`, 'Default', facts));
  },
};

export const groupDetail: TextCommand = {
  name: 'group',
  // Any `group …`, so a mistyped change gets the usage rather than "I did not understand".
  phrases: /^group( .*)?$/,
  help: { title: 'group <id> add school <name> | add lead <email>', text: 'For a group\'s CLPL leads: see a group, add or remove its schools and leads.', forSlt: false },
  async run(ctx) {
    const parsed = parseGroupText(ctx.text);
    if (!parsed) {
      await ctx.replyCard(messageCard('Which group, and what change?', usage, 'Warning'));
      return;
    }
    if (!parsed.change) {
      await requireGroupLead(ctx.app.stores.groups, parsed.groupId, ctx.person.id, 'read_reports');
      const group = (await ctx.app.stores.groups.definitions()).find((g) => g.id === parsed.groupId)!;
      await ctx.replyCard(await groupCard(ctx.app, group));
      return;
    }
    const result = await changeGroup(ctx.app, { groupId: parsed.groupId, actor: ctx.person, command: parsed.change as GroupCommand });
    const verb = parsed.change.action === 'add' ? 'added to' : 'removed from';
    const title = result.changed ? `${result.member} ${verb} ${result.group.name}` : `Nothing to change in ${result.group.name}`;
    const text = result.changed
      ? 'Offers and reports for the group follow from now on.'
      : `${result.member} ${parsed.change.action === 'add' ? 'is already in' : 'is not directly in'} the group${parsed.change.what === 'lead' && parsed.change.action === 'remove' ? ' (a lead of a group containing it is changed in that group)' : ''}.`;
    await ctx.replyCard(messageCard(title, text, result.changed ? 'Good' : 'Default'));
  },
};

const kindText = { cluster: 'Cluster', authority: 'Local authority', collaborative: 'Regional Improvement Collaborative' } as const;

async function schoolNames(app: AppDependencies): Promise<Map<string, string>> {
  return new Map((await app.stores.schools.listSchools()).map((s) => [s.id, s.name]));
}

async function groupCard(app: AppDependencies, group: GroupDefinition) {
  const names = await schoolNames(app);
  const people = new Map<string, string>();
  for (const school of names.keys()) for (const m of await app.stores.schools.listMembersWithEmails(school)) people.set(m.id, m.email ? `${m.name} (${m.email})` : m.name);
  const all = await app.stores.groups.schoolsIn(group.id);
  const listed = (ids: readonly string[], of: Map<string, string>) => (ids.length === 0 ? 'None' : ids.map((id) => of.get(id) ?? id).join(', '));
  return messageCard(`${group.name} (${group.id})`, kindText[group.kind], 'Default', [
    { title: 'Schools in the group', value: listed(group.schools, names) },
    { title: 'Groups it contains', value: group.groups.length === 0 ? 'None' : group.groups.join(', ') },
    { title: 'All its schools', value: `${all.length}: ${listed(all, names)}` },
    { title: 'Its own CLPL leads', value: listed(group.leads, people) },
  ]);
}

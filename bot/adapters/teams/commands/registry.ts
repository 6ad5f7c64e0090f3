import { helpCard } from '../cards/helpCard';
import { myClpl, newOffer, useThisChannel } from './offerCommands';
import { manageOffers, myCalendar } from './manageCommands';
import { attendance, myHours, report } from './reportCommands';
import { unreachable } from './reachabilityCommands';
import { lineManagers, promptReflection } from './reflectionCommands';
import { erase, leavers } from './privacyCommands';
import { myRecord } from './recordCommands';
import { myObservations, observe } from './observationCommands';
import { groupDetail, groupsList } from './groupCommands';
import { TextCommand } from './types';

const help: TextCommand = {
  name: 'help',
  phrases: /^(help|\?|what can you do)$/,
  help: { title: 'help', text: 'Show this list.', forSlt: false },
  async run(ctx) {
    const schoolId = await ctx.schoolId().catch(() => null);
    const isSlt = schoolId !== null && ctx.app.leadership.isSlt(schoolId, ctx.person.id);
    const leadsGroups = !isSlt && (await ctx.app.stores.groups.groupsLedBy(ctx.person.id)).length > 0;
    const shown = commands.filter((c) => isSlt || !c.help.forSlt || (leadsGroups && c.help.forGroupLeads === true));
    await ctx.replyCard(helpCard(shown.map(({ help: { title, text } }) => ({ title, text }))));
  },
};

/** Every text command, in the order the help card lists them. A feature adds its own module here. */
export const commands: TextCommand[] = [myClpl, help, newOffer, useThisChannel, myHours, attendance, report, manageOffers, myCalendar, myRecord, observe, myObservations, unreachable, promptReflection, lineManagers, leavers, erase, groupsList, groupDetail];

export function parseCommand(text: string): TextCommand | null {
  const normalised = text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  return commands.find((c) => c.phrases.test(normalised)) ?? null;
}

import { myUpcomingClpl } from '../../../app/myClpl';
import { chooseClplChannel } from '../../../app/schools';
import { myClplCardData, renderMyClplCard } from '../cards/myClplCard';
import { offerFormCardData, renderOfferFormCard } from '../cards/offerFormCard';
import { TextCommand } from './types';

export const newOffer: TextCommand = {
  name: 'newOffer',
  phrases: /^(new offer|create offer|new clpl( offer)?)$/,
  help: { title: 'new offer', text: 'Offer a CLPL session; SLT post it to the CLPL channel, staff send it to SLT for approval; a group CLPL lead can post it to every school of the group.', forSlt: false },
  async run(ctx) {
    // A group's CLPL lead need not be SLT, nor in a school the bot can tell: they may offer to the groups they lead.
    const groups = await ctx.app.stores.groups.groupsLedBy(ctx.person.id);
    const schoolId = await ctx.schoolId().catch((error: unknown) => {
      if (groups.length > 0) return null;
      throw error;
    });
    // Anyone may offer CLPL; a non-SLT offer to a school becomes a proposal that SLT approve (see app/proposals/).
    const proposing = schoolId === null || !ctx.app.leadership.isSlt(schoolId, ctx.person.id);
    const school = schoolId === null ? undefined : await ctx.app.stores.schools.findSchool(schoolId);
    const channelName = school?.clplChannel?.name ?? 'the CLPL channel';
    await ctx.replyCard(renderOfferFormCard(offerFormCardData({ channelName, catalogue: ctx.app.tagCatalogue, proposing, groups, defaultFollowUpWeeks: ctx.app.evidence.followUp.defaultWeeks })));
  },
};

export const myClpl: TextCommand = {
  name: 'myClpl',
  phrases: /^(my clpl|my sessions|my sign-?ups)$/,
  help: { title: 'my clpl', text: 'See the sessions you are signed up for, and withdraw.', forSlt: false },
  async run(ctx) {
    await ctx.replyCard(renderMyClplCard(myClplCardData(await myUpcomingClpl(ctx.app, ctx.person.id))));
  },
};

export const useThisChannel: TextCommand = {
  name: 'useThisChannel',
  phrases: /^(use this channel|set clpl channel|set channel)$/,
  help: { title: 'use this channel', text: '@mention me with this in the staff channel where offers should go.', forSlt: true },
  async run(ctx) {
    if (!ctx.channel || !ctx.teamSchoolId) {
      await ctx.replyText('Say "use this channel" by @mentioning me in the staff channel where CLPL offers should be posted.');
      return;
    }
    await chooseClplChannel(ctx.app, { schoolId: ctx.teamSchoolId, person: ctx.person, channel: ctx.channel });
    await ctx.rememberChannel(ctx.channel.id);
    await ctx.replyText(`CLPL offers will now be posted in ${ctx.channel.name}.`);
  },
};

import { myUpcomingClpl } from '../../../app/myClpl';
import { chooseClplChannel } from '../../../app/schools';
import { DomainError } from '../../../domain/errors';
import { myClplCardData, renderMyClplCard } from '../cards/myClplCard';
import { offerFormCardData, renderOfferFormCard } from '../cards/offerFormCard';
import { TextCommand } from './types';

export const newOffer: TextCommand = {
  name: 'newOffer',
  phrases: /^(new offer|create offer|new clpl( offer)?)$/,
  help: { title: 'new offer', text: 'Create a CLPL offer; it is posted to the CLPL channel.', forSlt: true },
  async run(ctx) {
    const schoolId = await ctx.schoolId();
    if (!ctx.app.leadership.isSlt(schoolId, ctx.person.id)) throw new DomainError('not_slt');
    const school = await ctx.app.stores.schools.findSchool(schoolId);
    const channelName = school?.clplChannel?.name ?? 'the CLPL channel';
    await ctx.replyCard(renderOfferFormCard(offerFormCardData({ channelName, catalogue: ctx.app.tagCatalogue })));
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

import { findPeopleToErase, leaversAwaitingErasure } from '../../../app/privacy/erasePerson';
import { erasurePeopleCardData, renderErasurePeopleCard } from '../cards/erasurePeopleCard';
import { messageCard } from '../cards/messageCard';
import { TextCommand } from './types';

export const leavers: TextCommand = {
  name: 'leavers',
  phrases: /^(leavers|erase)$/,
  help: { title: 'leavers', text: 'Staff who have left every team of the school, waiting to be erased; "erase <name or email>" for anyone else.', forSlt: true },
  async run(ctx) {
    const schoolId = await ctx.schoolId();
    const people = await leaversAwaitingErasure(ctx.app, { schoolId, byId: ctx.person.id });
    await ctx.replyCard(
      renderErasurePeopleCard(
        erasurePeopleCardData({
          heading: 'Leavers awaiting erasure',
          intro: 'People who have left every team of the school. Review what erasing each one removes before you confirm. To erase someone else, type "erase" and their name or email.',
          emptyText: 'No one has left the school\'s teams since the last erasure.',
          people,
          timeZone: ctx.app.quietHours.timeZone,
        }),
      ),
    );
  },
};

export const erase: TextCommand = {
  name: 'erase',
  phrases: /^erase\s+\S.*$/,
  help: { title: 'erase (name or email)', text: 'Erase a member of staff who asks (or has left): first what goes and what stays, then Erase.', forSlt: true },
  async run(ctx) {
    const schoolId = await ctx.schoolId();
    const text = ctx.text.replace(/^\s*erase\s+/i, '').trim();
    const people = await findPeopleToErase(ctx.app, { schoolId, byId: ctx.person.id, text });
    if (people.length === 0) {
      await ctx.replyCard(messageCard('No such person in your school', `I know no one called "${text}" (by name, email or id) in your school, so nothing was changed. Type "leavers" to see who has left.`, 'Warning'));
      return;
    }
    await ctx.replyCard(
      renderErasurePeopleCard(
        erasurePeopleCardData({ heading: `Erase "${text}"`, intro: 'Choose the person. Nothing is erased until you confirm on the next card.', emptyText: '', people, timeZone: ctx.app.quietHours.timeZone }),
      ),
    );
  },
};

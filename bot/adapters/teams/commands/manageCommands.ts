import { calendarLinks } from '../../../app/calendar/calendarFeed';
import { offersToManage } from '../../../app/manageOffers';
import { calendarUnavailableCard, renderCalendarLinkCard } from '../cards/calendarLinkCard';
import { manageOffersCardData, renderManageOffersCard } from '../cards/manageOffersCard';
import { TextCommand } from './types';

export const manageOffers: TextCommand = {
  name: 'manageOffers',
  phrases: /^(manage offers|manage clpl|edit offers?|cancel offers?)$/,
  help: { title: 'manage offers', text: "Edit or cancel your school's upcoming offers (a group lead: your groups' offers).", forSlt: true, forGroupLeads: true },
  async run(ctx) {
    // A group's lead may belong to no school the app knows: their groups' offers are theirs to manage all the same.
    const schoolId = await ctx.schoolId().catch(() => null);
    const offers = await offersToManage(ctx.app, { schoolId, person: ctx.person });
    await ctx.replyCard(renderManageOffersCard(manageOffersCardData(offers, ctx.app.clock.now())));
  },
};

export const myCalendar: TextCommand = {
  name: 'myCalendar',
  phrases: /^(my calendar|calendar|calendar link)$/,
  help: { title: 'my calendar', text: 'Your private calendar address: your sessions in Outlook, kept up to date.', forSlt: false },
  async run(ctx) {
    const links = await calendarLinks(ctx.app, ctx.person.id);
    await ctx.replyCard(links ? renderCalendarLinkCard({ feedUrl: links.feedUrl, renewed: false }) : calendarUnavailableCard());
  },
};

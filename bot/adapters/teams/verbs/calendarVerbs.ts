import { renewCalendarLinks } from '../../../app/calendar/calendarFeed';
import { calendarUnavailableCard, renderCalendarLinkCard } from '../cards/calendarLinkCard';
import { VerbHandler } from './types';

export const calendarVerbs: Record<string, VerbHandler> = {
  'calendar.renew.v1': async (ctx) => {
    const links = await renewCalendarLinks(ctx.app, ctx.person.id);
    return links ? renderCalendarLinkCard({ feedUrl: links.feedUrl, renewed: true }) : calendarUnavailableCard();
  },
};

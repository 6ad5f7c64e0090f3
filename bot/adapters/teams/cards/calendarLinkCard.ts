import template from './calendarLinkCard.json';
import { messageCard } from './messageCard';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface CalendarLinkCardData {
  feedUrl: string;
  renewed: boolean;
}

export function renderCalendarLinkCard(data: CalendarLinkCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

export function calendarUnavailableCard(): AdaptiveCardJson {
  return messageCard('Calendar not available', 'This server has no public address set (CLPL_PUBLIC_URL), so calendar links cannot be made. Ask your IT team.', 'Warning');
}

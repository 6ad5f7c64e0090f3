import template from './myClplCard.json';
import { OfferStandingView } from '../../../app/signUp';
import { placeText, sessionTime, standingText } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface MyClplCardData {
  sessions: Array<{ offerId: string; title: string; when: string; where: string; standingLine: string; standingColor: string }>;
}

export function myClplCardData(views: readonly OfferStandingView[]): MyClplCardData {
  return {
    sessions: views.map(({ offer, standing }) => {
      const text = standingText(standing);
      return {
        offerId: offer.id,
        title: offer.title,
        when: sessionTime(offer),
        where: placeText(offer),
        standingLine: offer.status === 'cancelled' ? 'Cancelled' : text.line,
        standingColor: offer.status === 'cancelled' ? 'Attention' : text.color,
      };
    }),
  };
}

export function renderMyClplCard(data: MyClplCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

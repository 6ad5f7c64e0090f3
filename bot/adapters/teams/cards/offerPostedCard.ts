import template from './offerPostedCard.json';
import { Offer } from '../../../domain/offer';
import { sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

/**
 * The author's confirmation once an offer is in the channel. Its buttons use the same verbs as "manage offers"
 * (offer.edit.v1, offer.cancel.v1), so they lead into the same form and the same cancel confirmation, and the
 * same server check decides who may use them, however long the card stays in the chat.
 */
export interface OfferPostedCardData {
  offerId: string;
  title: string;
  when: string;
  channelName: string;
}

export function offerPostedCardData(offer: Offer, channelName: string): OfferPostedCardData {
  return { offerId: offer.id, title: offer.title, when: sessionTime(offer), channelName };
}

export function renderOfferPostedCard(data: OfferPostedCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

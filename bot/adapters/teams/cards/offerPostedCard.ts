import template from './offerPostedCard.json';
import { CreatedOffer } from '../../../app/createOffer';
import { Offer } from '../../../domain/offer';
import { sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

/**
 * The author's confirmation once an offer is in the channel (a group offer's cards are on their way: the author gets
 * a message when every school's channel has one). Its buttons use the same verbs as "manage offers"
 * (offer.edit.v1, offer.cancel.v1), so they lead into the same form and the same cancel confirmation, and the
 * same server check decides who may use them, however long the card stays in the chat.
 */
export interface OfferPostedCardData {
  offerId: string;
  title: string;
  when: string;
  channelName: string;
  /** A group offer: how many schools' channels its cards are going to, and which schools were left out and why. */
  isGroup: boolean;
  groupName: string;
  posting: string;
  skipped: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function offerPostedCardData(offer: Offer, channelName: string, group?: CreatedOffer['group']): OfferPostedCardData {
  return {
    offerId: offer.id,
    title: offer.title,
    when: sessionTime(offer),
    channelName,
    isGroup: group !== undefined,
    groupName: group?.name ?? '',
    posting: group ? plural(group.posting, "school's channel", "schools' channels") : '',
    skipped: group?.skipped.map((s) => s.name).join(', ') ?? '',
  };
}

export function renderOfferPostedCard(data: OfferPostedCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

import template from './offerPostedCard.json';
import { CreatedOffer } from '../../../app/createOffer';
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
  /** A group offer: where its cards went, and which schools were left out and why. */
  isGroup: boolean;
  groupName: string;
  postedTo: string;
  skipped: string;
}

const skippedBecause = { no_clpl_channel: 'no CLPL channel chosen yet', post_failed: 'the post failed; try editing the offer later' } as const;

export function offerPostedCardData(offer: Offer, channelName: string, group?: CreatedOffer['group']): OfferPostedCardData {
  return {
    offerId: offer.id,
    title: offer.title,
    when: sessionTime(offer),
    channelName,
    isGroup: group !== undefined,
    groupName: group?.name ?? '',
    postedTo: group?.postedTo.join(', ') ?? '',
    skipped: group?.skipped.map((s) => `${s.name} (${skippedBecause[s.reason]})`).join(', ') ?? '',
  };
}

export function renderOfferPostedCard(data: OfferPostedCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

import template from './offerListCard.json';
import { Offer } from '../../../domain/offer';
import { Period } from '../../../domain/terms';
import { sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

/** A list of sessions, each with one button (mark attendance, see the report), and optionally report periods. */
export interface OfferListCardData {
  heading: string;
  intro: string;
  emptyText: string;
  buttonTitle: string;
  verb: string;
  offers: Array<{ offerId: string; title: string; when: string }>;
  periods: Array<{ index: string; label: string }>;
}

export function offerListCardData(input: Omit<OfferListCardData, 'offers' | 'periods'> & { offers: readonly Offer[]; periods?: readonly Period[] }): OfferListCardData {
  return {
    ...input,
    offers: input.offers.map((offer) => ({ offerId: offer.id, title: offer.title, when: sessionTime(offer) })),
    periods: (input.periods ?? []).map((period, index) => ({ index: String(index), label: period.label })),
  };
}

export function renderOfferListCard(data: OfferListCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

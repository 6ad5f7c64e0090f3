import template from './manageOffersCard.json';
import { Offer } from '../../../domain/offer';
import { changeRefusal } from '../../../domain/offerChanges';
import { SeatSummary } from '../../../domain/signUp';
import { seatsText, sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface ManageOffersCardData {
  offers: Array<{ offerId: string; title: string; when: string; statusLine: string; statusColor: 'Default' | 'Attention'; canChange: boolean }>;
}

export function manageOffersCardData(offers: ReadonlyArray<{ offer: Offer; seats: SeatSummary }>, now: Date): ManageOffersCardData {
  return {
    offers: offers.map(({ offer, seats }) => ({
      offerId: offer.id,
      title: offer.title,
      when: sessionTime(offer),
      statusLine: offer.status === 'cancelled' ? 'Cancelled' : seatsText(seats),
      statusColor: offer.status === 'cancelled' ? 'Attention' : 'Default',
      canChange: changeRefusal(offer, now) === null,
    })),
  };
}

export function renderManageOffersCard(data: ManageOffersCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

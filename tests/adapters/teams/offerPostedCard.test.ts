import { offerPostedCardData, renderOfferPostedCard } from '../../../bot/adapters/teams/cards/offerPostedCard';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';
import { buildOffer } from '../../factories';

describe('the "Offer posted" confirmation card', () => {
  it('is a valid Adaptive Card 1.5 naming the offer, its time and channel, with Edit offer and Cancel offer on the manage-offers verbs', () => {
    const offer = buildOffer({ id: 'offer-7', title: 'Questioning for deeper learning', startsAt: new Date('2026-12-03T15:45:00Z'), endsAt: new Date('2026-12-03T16:45:00Z') });
    const card = renderOfferPostedCard(offerPostedCardData(offer, 'BAL-Staff CLPL'));
    expectValidAdaptiveCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Offer posted');
    expect(text).toContain('\\"Questioning for deeper learning\\" is now in BAL-Staff CLPL');
    expect(text).toContain('Thu 3 Dec 2026, 15:45–16:45');
    const actions = card.actions as Array<{ title: string; verb: string; style?: string; data: Record<string, unknown> }>;
    expect(actions.map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Edit offer', 'offer.edit.v1', { cardVersion: 1, offerId: 'offer-7' }],
      ['Cancel offer', 'offer.cancel.v1', { cardVersion: 1, offerId: 'offer-7' }],
    ]);
    expect(actions[1]!.style).toBe('destructive');
  });
});

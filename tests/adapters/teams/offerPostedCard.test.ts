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

describe('the "Offer posted" card for a group offer', () => {
  it('names the group, the schools posted to and those skipped with why, as a valid Adaptive Card 1.5', () => {
    const offer = buildOffer({ id: 'offer-8', title: 'Numeracy across the cluster', groupId: 'balerno-cluster' });
    const card = renderOfferPostedCard(
      offerPostedCardData(offer, 'BAL-Staff CLPL', {
        name: 'Balerno cluster',
        postedTo: ['Balerno High', 'Dean Park Primary'],
        skipped: [{ schoolId: 'school-d', name: 'Currie Primary', reason: 'no_clpl_channel' }],
      }),
    );
    expectValidAdaptiveCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('is now offered to Balerno cluster, with one shared pool of places');
    expect(text).toContain('Posted to: Balerno High, Dean Park Primary');
    expect(text).toContain('Not posted to: Currie Primary (no CLPL channel chosen yet)');
    expect(text).not.toContain('is now in BAL-Staff CLPL');
  });

  it('says nothing of skipped schools when every school got its card', () => {
    const offer = buildOffer({ id: 'offer-9', groupId: 'balerno-cluster' });
    const text = JSON.stringify(renderOfferPostedCard(offerPostedCardData(offer, 'BAL-Staff CLPL', { name: 'Balerno cluster', postedTo: ['Balerno High'], skipped: [] })));
    expect(text).not.toContain('Not posted to');
  });
});

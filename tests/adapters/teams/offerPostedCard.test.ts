import { offerPostedCardData, renderOfferPostedCard } from '../../../bot/adapters/teams/cards/offerPostedCard';
import { groupOfferPostedCard } from '../../../bot/adapters/teams/cards/groupOfferPostedCard';
import { GroupOfferPostedNotice } from '../../../bot/ports/groupOfferNotices';
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

describe('the "Offer saved" card for a group offer', () => {
  it('names the group, how many schools its cards are going to and those skipped for want of a channel, as a valid Adaptive Card 1.5', () => {
    const offer = buildOffer({ id: 'offer-8', title: 'Numeracy across the cluster', groupId: 'balerno-cluster' });
    const card = renderOfferPostedCard(
      offerPostedCardData(offer, 'BAL-Staff CLPL', {
        name: 'Balerno cluster',
        posting: 2,
        skipped: [{ schoolId: 'school-d', name: 'Currie Primary', reason: 'no_clpl_channel' }],
      }),
    );
    expectValidAdaptiveCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Offer saved');
    expect(text).not.toContain('Offer posted');
    expect(text).toContain('is now offered to Balerno cluster, with one shared pool of places');
    expect(text).toContain("Posting it to 2 schools' channels now: I'll message you when every card is up.");
    expect(text).toContain('Not posted to (no CLPL channel chosen yet): Currie Primary');
    expect(text).not.toContain('is now in BAL-Staff CLPL');
  });

  it('says nothing of skipped schools when every school has a channel, and counts one school as one', () => {
    const offer = buildOffer({ id: 'offer-9', groupId: 'balerno-cluster' });
    const text = JSON.stringify(renderOfferPostedCard(offerPostedCardData(offer, 'BAL-Staff CLPL', { name: 'Balerno cluster', posting: 1, skipped: [] })));
    expect(text).not.toContain('Not posted to');
    expect(text).toContain("Posting it to 1 school's channel now");
  });
});

describe('the message to a group offer\'s author once its cards are posted', () => {
  const notice = (notPosted: GroupOfferPostedNotice['notPosted'], postedCount = 3): GroupOfferPostedNotice => ({
    kind: 'group_offer_posted',
    offerId: 'offer-8',
    offerTitle: 'Numeracy across the cluster',
    groupName: 'Balerno cluster',
    postedCount,
    notPosted,
  });

  it('says every school has it when none was left out', () => {
    const card = groupOfferPostedCard(notice([]));
    expectValidAdaptiveCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Offer posted to every school');
    expect(text).toContain('is in the CLPL channel of all 3 schools of Balerno cluster.');
  });

  it('names each school left out and why, and what to do about a missing channel', () => {
    const card = groupOfferPostedCard(notice([{ name: 'Currie Primary', reason: 'no_clpl_channel' }, { name: 'Dean Park Primary', reason: 'post_failed' }], 1));
    expectValidAdaptiveCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('is in the CLPL channel of 1 school of Balerno cluster; 2 schools did not get it.');
    expect(text).toContain('"title":"Currie Primary","value":"No CLPL channel chosen yet"');
    expect(text).toContain('"title":"Dean Park Primary","value":"Teams refused the post"');
    expect(text).toContain('use this channel');
  });

  it('names at most fifteen schools and counts the rest, so a large authority\'s card stays readable', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `School ${i + 1}`, reason: 'no_clpl_channel' as const }));
    const text = JSON.stringify(groupOfferPostedCard(notice(many, 260)));
    expect(text).toContain('School 15');
    expect(text).not.toContain('School 16"');
    expect(text).toContain('"title":"And","value":"25 more schools"');
  });
});

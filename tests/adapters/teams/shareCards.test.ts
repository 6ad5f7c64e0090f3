import { noticeCard } from '../../../bot/adapters/teams/teamsMessenger';
import { offerCardData, renderOfferCard } from '../../../bot/adapters/teams/cards/offerCard';
import { renderShareFormCard, renderSharedCard, renderShareReplyCard, shareFormCardData, shareReplyCardData } from '../../../bot/adapters/teams/cards/shareCards';
import { seatSummary } from '../../../bot/domain/signUp';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';
import { buildOffer, buildPerson, testNow } from '../../factories';

const offer = buildOffer({ id: 'offer-1', title: 'Outdoor learning [S1]' });
const text = (card: unknown) => JSON.stringify(card);

describe('sharing cards are valid Adaptive Cards 1.5', () => {
  it('the form keeps what was typed and shows what to fix', () => {
    const card = renderShareFormCard(
      shareFormCardData({ offer, source: 'follow_up', channelName: 'BAL-Staff CLPL', values: { summary: 'We went outside', resources: 'ftp://x' }, errors: { resources: 'Each resource must be a https:// link, one per line.' }, formMessage: 'Please check' }),
    );
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('We went outside');
    expect(text(card)).toContain('"source":"follow_up"');
    expect(text(card)).toContain('Each resource must be a https:// link, one per line.');
  });

  it('the reply names the person and links each resource; the confirmation says where it went', () => {
    const share = { offerId: offer.id, person: buildPerson({ name: 'Fiona Facilitator' }), summary: 'Slides and the risk assessment.', resources: ['https://x.example/a (1).pdf'], source: 'facilitator' as const, sharedAt: testNow, activityId: null };
    const reply = renderShareReplyCard(shareReplyCardData(share, offer.title));
    expectValidAdaptiveCard(reply);
    expect(text(reply)).toContain('Fiona Facilitator facilitated \\"Outdoor learning [S1]\\" and shares:');
    expect(text(reply)).toContain('[https://x.example/a (1).pdf](https://x.example/a%20%281%29.pdf)');
    const done = renderSharedCard('BAL-Staff CLPL');
    expectValidAdaptiveCard(done);
    expect(text(done)).toContain('in BAL-Staff CLPL, under the session');
  });

  it('the offer card counts the shares, and says nothing before the first', () => {
    const view = { offer, seats: seatSummary(offer, []), signedUpIds: [], sharedCount: 0 };
    const shared = renderOfferCard(offerCardData({ ...view, sharedCount: 3 }, testNow));
    expectValidAdaptiveCard(shared);
    expect(text(shared)).toContain('3 colleagues shared what they learnt: see the replies below.');
    expect(text(renderOfferCard(offerCardData(view, testNow)))).not.toContain('shared what they learnt');
  });
});

describe('the facilitator\'s invitation to share', () => {
  it('is the share form, for the facilitator, saying where it goes', () => {
    const card = noticeCard({ kind: 'share_invite', offerId: 'offer-1', offerTitle: 'Outdoor learning', startsAt: offer.startsAt.toISOString(), endsAt: offer.endsAt.toISOString(), timeZone: 'Europe/London', channelName: 'BAL-Staff CLPL' });
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('Thank you for facilitating: share it with colleagues');
    expect(text(card)).toContain('It is posted in BAL-Staff CLPL as a reply under the session');
    expect(text(card)).toContain('"source":"facilitator"');
  });
});

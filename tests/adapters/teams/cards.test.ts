import { helpCard } from '../../../bot/adapters/teams/cards/helpCard';
import { commands } from '../../../bot/adapters/teams/commands/registry';
import { messageCard } from '../../../bot/adapters/teams/cards/messageCard';
import { myClplCardData, renderMyClplCard } from '../../../bot/adapters/teams/cards/myClplCard';
import { maxRefreshUserIds, offerCardData, renderOfferCard } from '../../../bot/adapters/teams/cards/offerCard';
import { emptyOfferForm, offerFormCardData, renderOfferFormCard } from '../../../bot/adapters/teams/cards/offerFormCard';
import { cardForError } from '../../../bot/adapters/teams/cardActions';
import { errorText } from '../../../bot/adapters/teams/errorText';
import { noticeCard } from '../../../bot/adapters/teams/teamsMessenger';
import { DomainError, domainErrorCodes } from '../../../bot/domain/errors';
import { Offer } from '../../../bot/domain/offer';
import { defaultTagCatalogue } from '../../../bot/domain/tags';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';
import pino from 'pino';

const now = new Date('2026-11-24T10:00:00Z');

const offer: Offer = {
  id: 'offer-1',
  schoolId: 'school-1',
  title: 'Questioning for deeper learning',
  description: 'Share strategies for higher-order questioning.',
  facilitator: { kind: 'external', name: 'Dr Jo Bloggs' },
  startsAt: new Date('2026-12-03T15:45:00Z'),
  endsAt: new Date('2026-12-03T16:45:00Z'),
  timeZone: 'Europe/London',
  location: 'Room 12',
  onlineLink: 'https://teams.microsoft.com/l/meetup-join/abc',
  capacity: 20,
  signUpsCloseAt: new Date('2026-12-02T17:00:00Z'),
  tags: { standards: ['Professional skills and abilities'], priorities: ['Improvement in attainment, particularly in literacy and numeracy'] },
  status: 'open',
  createdBy: { id: 'slt-1', name: 'Morag SLT' },
  createdAt: now,
  revision: 3,
};
const seats = { capacity: 20, confirmed: 20, awaiting: 0, seatsLeft: 0, waitlisted: 3 };
const view = { offer, seats, sharedCount: 0, signedUpIds: Array.from({ length: 80 }, (_, i) => `aad-${i}`) };

describe('every card the bot sends is a valid Adaptive Card 1.5', () => {
  it('the shared offer card shows seats and the waitlist, offers both buttons, and refreshes for at most 60 people', () => {
    const card = renderOfferCard(offerCardData(view, now));
    expectValidAdaptiveCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Thu 3 Dec 2026, 15:45–16:45');
    expect(text).toContain('Full (20 places) · 3 on the waitlist');
    expect((card.actions as Array<{ verb?: string }>).map((a) => a.verb)).toEqual(['offer.signUp.v1', 'offer.withdraw.v1', undefined]);
    expect((card.refresh as { userIds: string[] }).userIds).toHaveLength(maxRefreshUserIds);
  });

  it('the personal offer card tells a waitlisted person their place and only offers Withdraw', () => {
    const card = renderOfferCard(offerCardData(view, now, { kind: 'waitlisted', position: 3 }));
    expectValidAdaptiveCard(card);
    expect(JSON.stringify(card)).toContain("You're 3rd on the waitlist.");
    expect((card.actions as Array<{ title: string }>).map((a) => a.title)).toEqual(['Withdraw', 'Join online']);
  });

  it('a cancelled offer says so and offers no sign-up', () => {
    const card = renderOfferCard(offerCardData({ ...view, offer: { ...offer, status: 'cancelled', onlineLink: null } }, now));
    expectValidAdaptiveCard(card);
    expect(JSON.stringify(card)).toContain('Cancelled');
    expect(card.actions).toEqual([]);
  });

  it('the offer form, empty and with mistakes, keeps the values typed', () => {
    expectValidAdaptiveCard(renderOfferFormCard(offerFormCardData({ channelName: 'BAL-Staff CLPL', catalogue: defaultTagCatalogue })));
    const withErrors = renderOfferFormCard(
      offerFormCardData({
        channelName: 'BAL-Staff CLPL',
        catalogue: defaultTagCatalogue,
        values: { ...emptyOfferForm, title: 'Restorative practice', capacity: '12', standards: '0,2' },
        errors: { startDate: 'Choose a date.', capacity: 'Too many' },
        formMessage: 'Please check the highlighted details.',
      }),
    );
    expectValidAdaptiveCard(withErrors);
    const text = JSON.stringify(withErrors);
    expect(text).toContain('Restorative practice');
    expect(text).toContain('Choose a date.');
    expect(text).toContain('"value":12');
  });

  it('my CLPL lists sessions, and says so when there are none', () => {
    expectValidAdaptiveCard(renderMyClplCard(myClplCardData([])));
    const card = renderMyClplCard(myClplCardData([{ ...view, standing: { kind: 'confirmed' } }]));
    expectValidAdaptiveCard(card);
    expect(JSON.stringify(card)).toContain("You're confirmed.");
  });

  it('help, notices and every error card', () => {
    expectValidAdaptiveCard(helpCard(commands.map((c) => c.help)));
    expectValidAdaptiveCard(helpCard([]));
    expectValidAdaptiveCard(noticeCard({ kind: 'waitlist_promotion', offerId: 'o', offerTitle: 'T', startsAt: offer.startsAt.toISOString(), timeZone: 'Europe/London' }));
    expectValidAdaptiveCard(messageCard('Offer posted', 'Now in BAL-Staff CLPL', 'Good'));
    for (const code of domainErrorCodes) {
      const card = cardForError(pino({ level: 'silent' }), 'test', new DomainError(code));
      expectValidAdaptiveCard(card);
      expect(JSON.stringify(card)).toContain(errorText[code].title);
    }
    expectValidAdaptiveCard(cardForError(pino({ level: 'silent' }), 'test', new Error('boom')));
  });
});

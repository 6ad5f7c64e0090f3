import { calendarUnavailableCard } from '../../../bot/adapters/teams/cards/calendarLinkCard';
import { noticeCard } from '../../../bot/adapters/teams/teamsMessenger';
import { describeChanges } from '../../../bot/domain/offerChanges';
import { buildOffer, shift } from '../../factories';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';

describe('cards about changed offers', () => {
  it('an "offer changed" notice shows every kind of change in the session\'s own time zone', () => {
    const before = buildOffer({ startsAt: new Date('2026-10-24T15:00:00Z'), endsAt: new Date('2026-10-24T16:00:00Z'), signUpsCloseAt: new Date('2026-10-23T12:00:00Z') });
    const after = { ...before, title: 'New title', description: 'New words', startsAt: new Date('2026-10-26T16:00:00Z'), endsAt: new Date('2026-10-26T17:00:00Z'), location: null, onlineLink: 'https://meet.example.test/a', capacity: 30, signUpsCloseAt: shift(before.signUpsCloseAt, { days: 1 }), tags: { standards: [], priorities: [] } };
    const card = noticeCard({ kind: 'offer_changed', offerId: before.id, offerTitle: after.title, startsAt: after.startsAt.toISOString(), timeZone: 'Europe/London', changes: describeChanges(before, after) });
    expectValidAdaptiveCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Mon 26 Oct 2026, 16:00–17:00 (was Sat 24 Oct 2026, 16:00–17:00)');
    expect(text).toContain('New title (was Questioning for deeper learning)');
    expect(text).toContain('Online link');
  });

  it('every notice about a change or cancellation is a valid card', () => {
    const about = { offerId: 'o-1', offerTitle: 'Phonics', startsAt: '2026-12-03T15:45:00.000Z', timeZone: 'Europe/London' };
    for (const notice of [
      { kind: 'moved_to_waitlist' as const, ...about },
      { kind: 'offer_cancelled' as const, ...about, wasConfirmed: true },
      { kind: 'offer_cancelled' as const, ...about, wasConfirmed: false },
    ]) {
      expectValidAdaptiveCard(noticeCard(notice));
    }
  });

  it('a server with no public address says calendar links are unavailable', () => {
    const card = calendarUnavailableCard();
    expectValidAdaptiveCard(card);
    expect(JSON.stringify(card)).toContain('CLPL_PUBLIC_URL');
  });
});

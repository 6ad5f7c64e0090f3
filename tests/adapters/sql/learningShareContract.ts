import { LearningShare } from '../../../bot/domain/learningShare';
import { buildPerson, shift, testNow } from '../../factories';
import type { StoreFixture } from './storeContract';

/** Learning shared back under an offer's card (ports/learningShareStore.ts), declared once for every database. */
export function describeLearningShareContract(db: StoreFixture): void {
  describe('learning shares', () => {
    const ann = buildPerson({ name: 'Ann Attendee' });
    const bob = buildPerson({ name: 'Bob Attendee' });
    const lease = 120_000;
    const past = { startsAt: shift(testNow, { days: -2 }), endsAt: shift(testNow, { days: -2, minutes: 90 }), signUpsCloseAt: shift(testNow, { days: -3 }) };
    const shareOf = (offerId: string, overrides: Partial<LearningShare> = {}): LearningShare => ({
      offerId, person: ann, summary: 'Try hinge questions', resources: ['https://x.example/a'], source: 'feedback', sharedAt: testNow, activityId: null, ...overrides,
    });

    it('keeps one share per person per offer and counts those posted', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, past);
      const share = shareOf(offer.id);
      expect(await stores.learningShares.claimForPosting(share, testNow, lease)).toEqual({ outcome: 'claimed', until: shift(testNow, { minutes: 2 }) });
      expect((await stores.learningShares.claimForPosting({ ...share, person: bob, source: 'follow_up' }, testNow, lease)).outcome).toBe('claimed');
      expect(await stores.learningShares.postedCount(offer.id)).toBe(0);
      await stores.learningShares.markPosted(offer.id, ann.id, 'reply-1');
      expect(await stores.learningShares.find(offer.id, ann.id)).toEqual({ ...share, activityId: 'reply-1' });
      expect(await stores.learningShares.postedCount(offer.id)).toBe(1);
    });

    it('of many simultaneous claims on two connections exactly one wins; once posted, a claim finds the posted share', async () => {
      const first = await db.withSchool();
      const second = await db.open();
      const offer = await db.insertOffer(first, past);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? first : second).learningShares.claimForPosting(shareOf(offer.id, { summary: `Click ${i}` }), testNow, lease)),
      );
      expect(claims.filter((c) => c.outcome === 'claimed')).toHaveLength(1);
      expect(claims.filter((c) => c.outcome === 'posting')).toHaveLength(7);
      const winner = claims.findIndex((c) => c.outcome === 'claimed');
      // The losers changed nothing: what is saved is what the winner posts.
      expect((await second.learningShares.find(offer.id, ann.id))?.summary).toBe(`Click ${winner}`);

      await first.learningShares.markPosted(offer.id, ann.id, 'reply-1');
      const later = await second.learningShares.claimForPosting(shareOf(offer.id, { summary: 'Again' }), shift(testNow, { hours: 1 }), lease);
      expect(later).toEqual({ outcome: 'posted', share: shareOf(offer.id, { summary: `Click ${winner}`, activityId: 'reply-1' }) });
    });

    it('a share whose post failed stays saved, unposted, and may be claimed again at once; a lapsed claim may be taken over', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, past);
      const claim = await stores.learningShares.claimForPosting(shareOf(offer.id), testNow, lease);
      if (claim.outcome !== 'claimed') throw new Error('expected the first claim to win');
      await stores.learningShares.releaseClaim(offer.id, ann.id, claim.until);
      expect(await stores.learningShares.find(offer.id, ann.id)).toEqual(shareOf(offer.id));
      expect(await stores.learningShares.postedCount(offer.id)).toBe(0);

      expect((await stores.learningShares.claimForPosting(shareOf(offer.id, { summary: 'Retried' }), testNow, lease)).outcome).toBe('claimed');
      expect((await stores.learningShares.claimForPosting(shareOf(offer.id), shift(testNow, { minutes: 1 }), lease)).outcome).toBe('posting');
      // An instance that died mid-post leaves its claim: after the lease another click may send it.
      expect((await stores.learningShares.claimForPosting(shareOf(offer.id, { summary: 'After a crash' }), shift(testNow, { minutes: 2 }), lease)).outcome).toBe('claimed');
      expect((await stores.learningShares.find(offer.id, ann.id))?.summary).toBe('After a crash');
    });
  });
}

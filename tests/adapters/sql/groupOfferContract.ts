import { signUp } from '../../../bot/app/signUp';
import { releaseQuota } from '../../../bot/app/groupOffers/quotaRelease';
import { cancelOffer } from '../../../bot/app/cancelOffer';
import { withdraw } from '../../../bot/app/withdraw';
import { FakeClock, buildDependencies } from '../../factories/dependencies';
import { buildPerson, schoolId, shift, testNow } from '../../factories/offers';
import type { Stores } from '../../../bot/ports/stores';
import type { StoreFixture } from './storeContract';

const card = (offerId: string, n: number, school: string) => ({ offerId, conversationId: `c-${n}`, activityId: `act-${n}`, schoolId: school });

/** The group the offers below are made to: a sign-up is taken only from a school in it. */
async function withCluster(stores: Stores, schools: readonly string[] = [schoolId, 'school-a', 'school-b', 'school-c', 'a', 'b']): Promise<Stores> {
  await stores.groups.applyFile([{ id: 'cluster-1', name: 'Cluster 1', kind: 'cluster', schools, groups: [], leads: ['lead-1'] }], 'contract', testNow);
  return stores;
}

/** Offers to a group of schools: one card per member school's channel, one seat pool, places per school. */
export function describeGroupOfferContract(db: StoreFixture): void {
  describe('group offers', () => {
    it('keeps an offer’s group and quota, and each sign-up’s school', async () => {
      const stores = await withCluster(await db.withSchool());
      const releasesAt = shift(testNow, { days: 3 });
      const offer = await db.insertOffer(stores, { groupId: 'cluster-1', quotaPerSchool: 2, quotaReleasesAt: releasesAt });
      expect(await stores.offers.findOffer(offer.id)).toEqual(offer);
      await signUp(buildDependencies(stores), { offerId: offer.id, person: buildPerson(1), schoolId: 'school-b' });
      expect((await stores.offers.signUpsForOffer(offer.id))[0]).toMatchObject({ schoolId: 'school-b', status: 'confirmed' });
      const picture = await stores.offers.transaction((tx) => tx.seatPicture(offer.id, 'person-2', 'school-b'));
      expect(picture).toMatchObject({ confirmed: 1, schoolHeld: 1 });
      expect(await stores.offers.transaction((tx) => tx.seatPicture(offer.id, 'person-2', 'school-c'))).toMatchObject({ schoolHeld: 0 });
    });

    it('the ledger keeps one card per channel; each goes stale, is shown and is retired on its own', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { groupId: 'cluster-1' });
      for (const [n, school] of [[1, 'school-b'], [2, schoolId], [3, 'school-c']] as const) await stores.offerCards.recordPosted(card(offer.id, n, school), offer.revision);
      expect(await stores.offerCards.postedCards(offer.id)).toHaveLength(3);
      expect(await stores.offerCards.findPosted(offer.id)).toMatchObject({ conversationId: 'c-2' }); // the offer's own school's card

      await stores.offers.transaction((tx) => tx.raiseRevision(offer.id));
      const claimed = await stores.offerCards.claimStaleCards(new Date(), 10, 60_000);
      expect(claimed.map((c) => c.conversationId).sort()).toEqual(['c-1', 'c-2', 'c-3']);
      expect(claimed[0]).toMatchObject({ revision: 2, groupId: 'cluster-1' });
      expect(await stores.offerCards.claimStaleCards(new Date(), 10, 60_000)).toEqual([]);

      await stores.offerCards.markShown({ offerId: offer.id, conversationId: 'c-1' }, 2);
      await stores.offerCards.retire({ offerId: offer.id, conversationId: 'c-3' }, new Date());
      expect((await stores.offerCards.staleCards(10)).map((c) => c.conversationId)).toEqual(['c-2']);
      await stores.offers.transaction((tx) => tx.raiseRevision(offer.id));
      expect((await stores.offerCards.staleCards(10)).map((c) => c.conversationId).sort()).toEqual(['c-1', 'c-2']);
    });

    it('a retired card is reinstated (stale at once, so redrawn) when its school is back; a card never retired is left alone', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { groupId: 'cluster-1' });
      for (const [n, school] of [[1, 'school-b'], [2, 'school-c']] as const) await stores.offerCards.recordPosted(card(offer.id, n, school), offer.revision);
      await stores.offerCards.retire({ offerId: offer.id, conversationId: 'c-2' }, new Date());
      expect(await stores.offerCards.staleCards(10)).toEqual([]);

      expect(await stores.offerCards.reinstate(offer.id, ['c-1', 'c-2'])).toBe(1);
      expect((await stores.offerCards.staleCards(10)).map((c) => c.conversationId)).toEqual(['c-2']);
      expect(await stores.offerCards.reinstate(offer.id, [])).toBe(0);
    });

    it('lists the open offers of some groups that have not started, soonest first', async () => {
      const stores = await db.withSchool();
      const later = await db.insertOffer(stores, { groupId: 'cluster-1', startsAt: shift(testNow, { days: 9 }) });
      const sooner = await db.insertOffer(stores, { groupId: 'authority-1', startsAt: shift(testNow, { days: 2 }) });
      await db.insertOffer(stores, { groupId: 'cluster-1', status: 'cancelled' });
      await db.insertOffer(stores, { groupId: 'cluster-2' });
      await db.insertOffer(stores, {});
      await db.insertOffer(stores, { groupId: 'cluster-1', startsAt: shift(testNow, { hours: -1 }), signUpsCloseAt: shift(testNow, { days: -1 }) });
      expect((await stores.offers.openGroupOffers(['cluster-1', 'authority-1'], testNow)).map((o) => o.id)).toEqual([sooner.id, later.id]);
      expect(await stores.offers.openGroupOffers([], testNow)).toEqual([]);
    });

    it('many racers from three schools: exactly capacity confirmed and no school beyond its quota', async () => {
      const stores = await withCluster(await db.withSchool());
      const offer = await db.insertOffer(stores, { capacity: 12, groupId: 'cluster-1', quotaPerSchool: 5, quotaReleasesAt: shift(new Date(), { days: 1 }) });
      const deps = buildDependencies(stores);
      const schools = ['school-a', 'school-b', 'school-c'];
      const racers = Array.from({ length: 90 }, (_, i) => ({ person: buildPerson(i + 1), schoolId: schools[i % 3]! }));

      const results = await Promise.allSettled(racers.map((r) => signUp(deps, { offerId: offer.id, ...r })));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

      const stored = await stores.offers.signUpsForOffer(offer.id);
      const confirmed = stored.filter((s) => s.status === 'confirmed');
      expect(confirmed).toHaveLength(12);
      for (const school of schools) expect(confirmed.filter((s) => s.schoolId === school).length).toBeLessThanOrEqual(5);
      expect(stored.filter((s) => s.status === 'waitlisted')).toHaveLength(78);
    });

    it('takes no seat from a school outside the group (or none), and writes nothing; a place already held stays', async () => {
      const stores = await withCluster(await db.withSchool(), ['school-a', 'school-b']);
      const offer = await db.insertOffer(stores, { groupId: 'cluster-1' });
      const deps = buildDependencies(stores);
      await signUp(deps, { offerId: offer.id, person: buildPerson(1), schoolId: 'school-b' });
      await expect(signUp(deps, { offerId: offer.id, person: buildPerson(2), schoolId: 'school-c' })).rejects.toMatchObject({ code: 'school_not_in_group' });
      await expect(signUp(deps, { offerId: offer.id, person: buildPerson(3) })).rejects.toMatchObject({ code: 'school_not_in_group' });
      // School B leaves: its person keeps their place (pressing again changes nothing), no one new from B gets one.
      await stores.groups.changeGroup('cluster-1', 'lead-1', { kind: 'remove_school', schoolId: 'school-b' }, testNow);
      expect((await signUp(deps, { offerId: offer.id, person: buildPerson(1), schoolId: 'school-b' })).standing).toEqual({ kind: 'confirmed' });
      await expect(signUp(deps, { offerId: offer.id, person: buildPerson(4), schoolId: 'school-b' })).rejects.toMatchObject({ code: 'school_not_in_group' });
      expect((await stores.offers.signUpsForOffer(offer.id)).map((s) => s.person.id)).toEqual(['person-1']);
      expect((await stores.offers.findOffer(offer.id))?.revision).toBe(offer.revision + 1);
      // A school still in the group signs up as before.
      expect((await signUp(deps, { offerId: offer.id, person: buildPerson(5), schoolId: 'school-a' })).standing).toEqual({ kind: 'confirmed' });
    });

    it('a notice about a group offer is filed under the school its person signed up from, not the offer’s own', async () => {
      const stores = await withCluster(await db.withSchool());
      const offer = await db.insertOffer(stores, { capacity: 1, groupId: 'cluster-1' });
      const deps = buildDependencies(stores);
      await signUp(deps, { offerId: offer.id, person: buildPerson(1), schoolId: 'school-b' });
      await signUp(deps, { offerId: offer.id, person: buildPerson(2), schoolId: 'school-c' });
      await withdraw(deps, { offerId: offer.id, personId: 'person-1' }); // person 2 moves up
      await cancelOffer(deps, { offerId: offer.id, person: buildPerson({ id: 'lead-1', name: 'Lead' }) });
      const notices = await db.inspect<{ idempotency_key: string; school_id: string }>('select idempotency_key, school_id from outbox order by idempotency_key');
      expect(notices.map((n) => [n.idempotency_key.split(':')[0], n.school_id])).toEqual([
        ['offer_cancelled', 'school-c'],
        ['waitlist_promotion', 'school-c'],
      ]);
    });

    it('the release job promotes the waitlist in queue order into unused places, once, each with a notice', async () => {
      const stores = await withCluster(await db.withSchool());
      const now = new Date();
      const clock = new FakeClock(now);
      const releasesAt = shift(now, { days: 1 });
      const offer = await db.insertOffer(stores, { capacity: 4, groupId: 'cluster-1', quotaPerSchool: 2, quotaReleasesAt: releasesAt });
      const deps = buildDependencies(stores, { clock });
      for (const [n, school] of [[1, 'a'], [2, 'a'], [3, 'a'], [4, 'a'], [5, 'b']] as const) await signUp(deps, { offerId: offer.id, person: buildPerson(n), schoolId: school });

      await releaseQuota(deps, offer.id); // not yet: nothing moves
      expect((await stores.offers.signUpsForOffer(offer.id)).filter((s) => s.status === 'confirmed')).toHaveLength(3);

      clock.set(shift(releasesAt, { minutes: 1 }));
      await releaseQuota(deps, offer.id);
      await releaseQuota(deps, offer.id); // a retry promotes no one twice
      const stored = await stores.offers.signUpsForOffer(offer.id);
      expect(stored.map((s) => [s.person.id, s.status])).toEqual([
        ['person-1', 'confirmed'],
        ['person-2', 'confirmed'],
        ['person-3', 'confirmed'],
        ['person-4', 'waitlisted'],
        ['person-5', 'confirmed'],
      ]);
      const notices = await db.inspect<{ recipient_id: string }>("select recipient_id from outbox where idempotency_key like 'waitlist_promotion:%'");
      expect(notices.map((n) => n.recipient_id)).toEqual(['person-3']);
    });
  });
}

import { buildPerson, buildSignUp, shift, testNow } from '../../factories/offers';
import { StoreFixture } from './storeContract';

/** The store methods behind editing and cancelling offers and the personal calendar feeds. */
export function describeOfferChangesContract(db: StoreFixture): void {
  describe('edited and cancelled offers', () => {
    it('updateOffer saves every detail and the status, and leaves the revision to raiseRevision', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores);
      const edited = {
        ...offer,
        title: 'Renamed',
        description: 'New words',
        facilitator: { kind: 'staff' as const, userId: 'aad-9', name: 'Iona Staff' },
        startsAt: shift(offer.startsAt, { hours: 2 }),
        endsAt: shift(offer.endsAt, { hours: 2 }),
        location: null,
        onlineLink: 'https://meet.example.test/x',
        capacity: 7,
        signUpsCloseAt: shift(offer.signUpsCloseAt, { hours: 1 }),
        tags: { standards: [], priorities: ['Closing the attainment gap'] },
        status: 'cancelled' as const,
        revision: 99,
      };
      await stores.offers.transaction((tx) => tx.updateOffer(edited));
      expect(await stores.offers.findOffer(offer.id)).toEqual({ ...edited, revision: offer.revision });
    });

    it("upcomingOffersOf lists a school's offers not yet started, cancelled ones too, soonest first", async () => {
      const stores = await db.withSchool();
      await stores.schools.upsertSchool({ id: 'school-2', name: 'Other', tenantId: null });
      const later = await db.insertOffer(stores, { startsAt: shift(testNow, { days: 9 }) });
      const sooner = await db.insertOffer(stores, { startsAt: shift(testNow, { days: 2 }), status: 'cancelled' });
      await db.insertOffer(stores, { startsAt: shift(testNow, { hours: -1 }), signUpsCloseAt: shift(testNow, { days: -1 }) });
      await db.insertOffer(stores, { schoolId: 'school-2' });
      expect((await stores.offers.upcomingOffersOf('school-1', testNow)).map((o) => o.id)).toEqual([sooner.id, later.id]);
    });
  });

  describe('calendar feeds', () => {
    it('a person keeps one token: the first candidate wins, later ones are ignored', async () => {
      const stores = await db.open();
      const first = await stores.calendarFeeds.tokenFor('aad-1', 'token-a', testNow);
      const again = await stores.calendarFeeds.tokenFor('aad-1', 'token-b', testNow);
      expect([first, again]).toEqual(['token-a', 'token-a']);
      expect(await stores.calendarFeeds.personWithToken('token-a')).toBe('aad-1');
      expect(await stores.calendarFeeds.personWithToken('token-b')).toBeUndefined();
    });

    it('replacing a token makes the old one find no one', async () => {
      const stores = await db.open();
      await stores.calendarFeeds.tokenFor('aad-1', 'old-token', testNow);
      await stores.calendarFeeds.replaceToken('aad-1', 'new-token', testNow);
      expect(await stores.calendarFeeds.personWithToken('old-token')).toBeUndefined();
      expect(await stores.calendarFeeds.personWithToken('new-token')).toBe('aad-1');
      expect(await stores.calendarFeeds.tokenFor('aad-1', 'ignored', testNow)).toBe('new-token');
    });

    it('a token asked for inside an offer transaction is stored with it and answered after commit; a rolled-back one is not stored', async () => {
      const stores = await db.open();
      const sent = await stores.offers.transaction((tx) => tx.calendarToken('aad-1', 'token-a', testNow));
      expect(await sent.answer).toBe('token-a');
      const again = await stores.offers.transaction((tx) => tx.calendarToken('aad-1', 'token-b', testNow));
      expect(await again.answer).toBe('token-a');

      await expect(
        stores.offers.transaction(async (tx) => {
          await tx.calendarToken('aad-2', 'token-c', testNow);
          throw new Error('the sign-up failed');
        }),
      ).rejects.toThrow('the sign-up failed');
      expect(await stores.calendarFeeds.personWithToken('token-c')).toBeUndefined();
    });

    it("sessionsOf lists a person's confirmed and waitlisted sessions ending after a time, cancelled included, soonest first", async () => {
      const stores = await db.withSchool();
      const me = buildPerson(1);
      const confirmed = await db.insertOffer(stores, { startsAt: shift(testNow, { days: 5 }) });
      const waitlisted = await db.insertOffer(stores, { startsAt: shift(testNow, { days: 3 }) });
      const cancelled = await db.insertOffer(stores, { startsAt: shift(testNow, { days: 4 }), status: 'cancelled' });
      const withdrawn = await db.insertOffer(stores, { startsAt: shift(testNow, { days: 2 }) });
      const longAgo = await db.insertOffer(stores, { startsAt: shift(testNow, { days: -30 }), signUpsCloseAt: shift(testNow, { days: -31 }) });
      const someoneElses = await db.insertOffer(stores, { startsAt: shift(testNow, { days: 1 }) });
      await stores.offers.transaction((tx) =>
        tx.saveSignUps([
          buildSignUp({ offerId: confirmed.id, person: me }),
          buildSignUp({ offerId: waitlisted.id, person: me, status: 'waitlisted' }),
          buildSignUp({ offerId: cancelled.id, person: me }),
          buildSignUp({ offerId: withdrawn.id, person: me, status: 'withdrawn' }),
          buildSignUp({ offerId: longAgo.id, person: me }),
          buildSignUp({ offerId: someoneElses.id, person: buildPerson(2) }),
        ]),
      );
      const sessions = await stores.calendarFeeds.sessionsOf(me.id, shift(testNow, { days: -7 }));
      expect(sessions.map((s) => [s.offer.id, s.status, s.offer.status])).toEqual([
        [waitlisted.id, 'waitlisted', 'open'],
        [cancelled.id, 'confirmed', 'cancelled'],
        [confirmed.id, 'confirmed', 'open'],
      ]);
      expect(sessions[2]!.offer).toEqual(confirmed);
    });
  });
}


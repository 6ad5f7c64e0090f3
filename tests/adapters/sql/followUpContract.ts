import { buildAttendance, buildFollowUp, buildPerson, buildResponse, shift, testNow } from '../../factories';
import type { StoreFixture, StoreHarness } from './storeContract';

/** The practice follow-up answers (ports/evidenceStore.ts), declared once for every database. */
export function describeFollowUpContract(harness: StoreHarness, db: StoreFixture): void {
  describe('practice follow-up', () => {
    const ann = buildPerson({ name: 'Ann Attendee' });
    const bob = buildPerson({ name: 'Bob Attendee' });
    const past = (days: number) => ({ startsAt: shift(testNow, { days }), endsAt: shift(testNow, { days, minutes: 90 }), signUpsCloseAt: shift(testNow, { days: days - 1 }) });

    it('keeps an offer\'s follow-up weeks, and none as the default', async () => {
      const stores = await db.withSchool();
      const chosen = await db.insertOffer(stores, { ...past(-2), followUpWeeks: 3 });
      const defaulted = await db.insertOffer(stores, past(-2));
      expect((await stores.offers.findOffer(chosen.id))?.followUpWeeks).toBe(3);
      expect((await stores.offers.findOffer(defaulted.id))?.followUpWeeks).toBeUndefined();
      await stores.offers.transaction((tx) => tx.updateOffer({ ...chosen, followUpWeeks: 0 }));
      expect((await stores.offers.findOffer(chosen.id))?.followUpWeeks).toBe(0);
    });

    it('keeps one answer per person per offer; a change replaces it, not when it was first given', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, past(-50));
      await stores.evidence.transaction((tx) => tx.saveAttendance([buildAttendance({ offerId: offer.id, person: ann })]));
      const first = buildFollowUp({ offerId: offer.id, person: ann, used: 'partly', evidence: 'https://school.example/work', relatedGoalId: 'goal-3', anonymous: true });
      await stores.evidence.transaction((tx) => tx.saveFollowUp(first));
      const changed = { ...first, used: 'yes' as const, confidenceNow: 5, submittedAt: shift(testNow, { hours: 2 }), updatedAt: shift(testNow, { hours: 2 }) };
      await stores.evidence.transaction((tx) => tx.saveFollowUp(changed));
      const kept = { ...changed, submittedAt: first.submittedAt };
      expect(await stores.evidence.followUpsFor(offer.id)).toEqual([kept]);
      expect(await stores.evidence.findFollowUp(offer.id, ann.id)).toEqual(kept);
      expect(await stores.evidence.findFollowUp(offer.id, bob.id)).toBeUndefined();
      expect(await stores.evidence.transaction((tx) => tx.followUpsFor(offer.id))).toEqual([kept]);
    });

    it('lists a person\'s answers across sessions, oldest first, for their record', async () => {
      const stores = await db.withSchool();
      const older = await db.insertOffer(stores, past(-80));
      const newer = await db.insertOffer(stores, past(-50));
      await stores.evidence.transaction(async (tx) => {
        await tx.saveFollowUp(buildFollowUp({ offerId: newer.id, person: ann, submittedAt: shift(testNow, { days: -1 }) }));
        await tx.saveFollowUp(buildFollowUp({ offerId: older.id, person: ann, submittedAt: shift(testNow, { days: -30 }) }));
        await tx.saveFollowUp(buildFollowUp({ offerId: older.id, person: bob }));
      });
      expect((await stores.evidence.followUpsOf(ann.id)).map((f) => f.offerId)).toEqual([older.id, newer.id]);
    });

    it('finds feedback and follow-ups of the school\'s sessions that started in a period', async () => {
      const stores = await db.withSchool();
      const inside = await db.insertOffer(stores, past(-50));
      const outside = await db.insertOffer(stores, past(-200));
      await stores.evidence.transaction(async (tx) => {
        for (const offer of [inside, outside]) {
          await tx.saveFeedback(buildResponse({ offerId: offer.id, person: ann }));
          await tx.saveFollowUp(buildFollowUp({ offerId: offer.id, person: ann }));
        }
      });
      const answers = await stores.evidence.answersOfSchool(inside.schoolId, shift(testNow, { days: -100 }), testNow);
      expect(answers.feedback.map((f) => f.offerId)).toEqual([inside.id]);
      expect(answers.followUps.map((f) => f.offerId)).toEqual([inside.id]);
    });

    it('the database itself refuses a confidence outside 1 to 5', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, past(-50));
      await expect(stores.evidence.transaction((tx) => tx.saveFollowUp(buildFollowUp({ offerId: offer.id, person: ann, confidenceNow: 0 })))).rejects.toMatchObject(harness.constraintErrors.check);
    });
  });
}

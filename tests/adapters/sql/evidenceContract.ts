import { Stores } from '../../../bot/ports/stores';
import { buildAttendance, buildFollowUp, buildPerson, buildResponse, buildSignUp, schoolId, shift, testNow } from '../../factories';
import type { StoreFixture, StoreHarness } from './storeContract';

/** The attendance and feedback store (ports/evidenceStore.ts), declared once for every database. */
export function describeEvidenceContract(harness: StoreHarness, db: StoreFixture): void {
  describe('attendance and feedback', () => {
    const ann = buildPerson({ name: 'Ann Attendee' });
    const bob = buildPerson({ name: 'Bob Absent' });
    const past = { startsAt: shift(testNow, { days: -2 }), endsAt: shift(testNow, { days: -2, minutes: 90 }), signUpsCloseAt: shift(testNow, { days: -3 }) };

    async function offerWithAttendance(stores: Stores, overrides = {}) {
      const offer = await db.insertOffer(stores, { ...past, ...overrides });
      await stores.evidence.transaction((tx) =>
        tx.saveAttendance([
          buildAttendance({ offerId: offer.id, person: ann, attended: true, minutes: 90 }),
          buildAttendance({ offerId: offer.id, person: bob, attended: false, minutes: 90 }),
        ]),
      );
      return offer;
    }

    it('keeps attendance per person and replaces it when marked again', async () => {
      const stores = await db.withSchool();
      const offer = await offerWithAttendance(stores);
      await stores.evidence.transaction((tx) => tx.saveAttendance([buildAttendance({ offerId: offer.id, person: bob, attended: true, minutes: 90, recordedAt: shift(testNow, { minutes: 5 }) })]));
      const records = await stores.evidence.attendanceFor(offer.id);
      expect(records.map((r) => [r.person.name, r.attended, r.minutes])).toEqual([
        ['Ann Attendee', true, 90],
        ['Bob Absent', true, 90],
      ]);
      expect(records[1]!.recordedAt).toEqual(shift(testNow, { minutes: 5 }));
    });

    it('keeps one feedback response per person per offer; a change replaces the answers, not when they were first given', async () => {
      const stores = await db.withSchool();
      const offer = await offerWithAttendance(stores);
      const first = buildResponse({ offerId: offer.id, person: ann, relatedGoalId: 'goal-7', legacyRelatedGoal: 'Questioning goal', anonymous: true });
      await stores.evidence.transaction((tx) => tx.saveFeedback(first));
      const changed = { ...first, value: 5, practiceChange: 'Changed my mind', submittedAt: shift(testNow, { hours: 1 }), updatedAt: shift(testNow, { hours: 1 }) };
      await stores.evidence.transaction((tx) => tx.saveFeedback(changed));
      expect(await stores.evidence.feedbackFor(offer.id)).toEqual([{ ...changed, submittedAt: first.submittedAt }]);
      expect(await stores.evidence.findFeedback(offer.id, ann.id)).toEqual({ ...changed, submittedAt: first.submittedAt });
      expect(await stores.evidence.findFeedback(offer.id, bob.id)).toBeUndefined();
    });

    it('the database itself refuses a rating outside 1 to 5', async () => {
      const stores = await db.withSchool();
      const offer = await offerWithAttendance(stores);
      await expect(stores.evidence.transaction((tx) => tx.saveFeedback(buildResponse({ offerId: offer.id, person: ann, value: 6 })))).rejects.toMatchObject(harness.constraintErrors.check);
      expect(await stores.evidence.feedbackFor(offer.id)).toEqual([]);
    });

    it('a failed transaction leaves attendance as it was', async () => {
      const stores = await db.withSchool();
      const offer = await offerWithAttendance(stores);
      await expect(
        stores.evidence.transaction(async (tx) => {
          await tx.saveAttendance([buildAttendance({ offerId: offer.id, person: ann, attended: false })]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await stores.evidence.attendanceFor(offer.id)).find((r) => r.person.id === ann.id)?.attended).toBe(true);
    });

    it('the evidence transaction is also an offer transaction: lock, sign-ups and jobs commit with the attendance', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, past);
      await stores.offers.transaction((tx) => tx.saveSignUps([buildSignUp({ offerId: offer.id, person: ann })]));
      await stores.evidence.transaction(async (tx) => {
        expect((await tx.lockOffer(offer.id))?.id).toBe(offer.id);
        expect((await tx.signUpsForOffer(offer.id)).map((s) => s.person.id)).toEqual([ann.id]);
        await tx.saveAttendance([buildAttendance({ offerId: offer.id, person: ann })]);
        await tx.scheduleJob({ key: `feedback_requests:${offer.id}`, dueAt: testNow, job: { kind: 'feedback_requests', offerId: offer.id } }, testNow);
      });
      const jobs = await stores.jobs.claimDue(shift(testNow, { minutes: 1 }), 10, 60_000);
      expect(jobs.map((j) => j.job)).toEqual([{ kind: 'feedback_requests', offerId: offer.id }]);
    });

    it('finds the sessions that started in a period, latest first, and the attended ones with their offers', async () => {
      const stores = await db.withSchool();
      const older = await offerWithAttendance(stores, { title: 'Older', startsAt: shift(testNow, { days: -20 }), endsAt: shift(testNow, { days: -20, minutes: 60 }), signUpsCloseAt: shift(testNow, { days: -21 }) });
      const newer = await offerWithAttendance(stores);
      const from = shift(testNow, { days: -30 });
      expect((await stores.evidence.offersStartedBetween(schoolId, from, testNow, 10)).map((o) => o.id)).toEqual([newer.id, older.id]);
      expect((await stores.evidence.offersStartedBetween(schoolId, from, testNow, 1)).map((o) => o.id)).toEqual([newer.id]);
      expect(await stores.evidence.offersStartedBetween('another-school', from, testNow, 10)).toEqual([]);

      const attended = await stores.evidence.attendedSessions(schoolId, from, testNow);
      expect(attended.map((s) => [s.offer.title, s.record.person.name])).toEqual([
        ['Older', 'Ann Attendee'],
        [newer.title, 'Ann Attendee'],
      ]);
      expect(attended[1]).toEqual({ offer: newer, record: expect.objectContaining({ offerId: newer.id, attended: true, minutes: 90 }) });
      expect((await stores.evidence.attendedSessionsOf(ann.id, shift(testNow, { days: -10 }), testNow)).map((s) => s.offer.id)).toEqual([newer.id]);
      expect(await stores.evidence.attendedSessionsOf(bob.id, from, testNow)).toEqual([]);
    });

    it("gathers the partnership's evidence: the schools' own sessions and group sessions they signed up to, in the period", async () => {
      const stores = await db.withSchool();
      for (const id of ['dean-park', 'currie']) await stores.schools.upsertSchool({ id, name: id, tenantId: null });
      const own = await offerWithAttendance(stores, { title: 'Own' });
      const groupOffer = await db.insertOffer(stores, { ...past, schoolId: 'currie', groupId: 'cluster', title: 'Group' });
      const elsewhere = await db.insertOffer(stores, { ...past, schoolId: 'currie', title: 'Elsewhere' });
      const earlier = await offerWithAttendance(stores, { title: 'Earlier', startsAt: shift(testNow, { days: -40 }), endsAt: shift(testNow, { days: -40, minutes: 60 }), signUpsCloseAt: shift(testNow, { days: -41 }) });
      const dee = buildPerson({ name: 'Dee Park' });
      await stores.evidence.transaction(async (tx) => {
        await tx.saveSignUps([buildSignUp({ offerId: groupOffer.id, person: dee, schoolId: 'dean-park' }), buildSignUp({ offerId: groupOffer.id, person: ann, schoolId: 'currie', queueNumber: 2 })]);
        await tx.saveAttendance([buildAttendance({ offerId: groupOffer.id, person: dee })]);
        await tx.saveFeedback(buildResponse({ offerId: groupOffer.id, person: dee }));
        await tx.saveFeedback(buildResponse({ offerId: own.id, person: ann }));
        await tx.saveSignUps([buildSignUp({ offerId: elsewhere.id, person: ann, schoolId: 'currie' })]);
      });
      const from = shift(testNow, { days: -30 });

      const found = await stores.evidence.evidenceOfSchools([schoolId, 'dean-park'], from, testNow);
      expect(found.offers.map((o) => o.title).sort()).toEqual(['Group', 'Own']);
      expect(found.offers.find((o) => o.id === groupOffer.id)).toEqual(groupOffer);
      expect(found.signUps.map((s) => [s.offerId, s.person.id, s.schoolId]).sort()).toEqual(
        [
          [groupOffer.id, dee.id, 'dean-park'],
          [groupOffer.id, ann.id, 'currie'],
        ].sort(),
      );
      expect(found.attendance.map((a) => [a.offerId, a.person.id, a.attended]).sort()).toEqual(
        [
          [own.id, ann.id, true],
          [own.id, bob.id, false],
          [groupOffer.id, dee.id, true],
        ].sort(),
      );
      expect(found.feedback.map((f) => [f.offerId, f.person.id]).sort()).toEqual([[own.id, ann.id], [groupOffer.id, dee.id]].sort());
      expect(found.offers.map((o) => o.id)).not.toContain(earlier.id);
      expect(await stores.evidence.evidenceOfSchools(['dean-park'], from, testNow)).toMatchObject({ offers: [{ id: groupOffer.id }] });
      expect(await stores.evidence.evidenceOfSchools([], from, testNow)).toEqual({ offers: [], signUps: [], attendance: [], feedback: [] });
    });

    it('a group offer counts for each school its people signed up from, not for the school it was made from', async () => {
      const stores = await db.withSchool();
      const [dora, eve, fay] = ['Dora B', 'Eve Home', 'Fay B'].map((name) => buildPerson({ name }));
      const own = await offerWithAttendance(stores, { title: 'Own' });
      // Both group offers were made from this school; other schools' staff joined them.
      const joined = await db.insertOffer(stores, { ...past, title: 'Joined', groupId: 'cluster-1', startsAt: shift(past.startsAt, { hours: 1 }), endsAt: shift(past.endsAt, { hours: 1 }) });
      const notJoined = await db.insertOffer(stores, { ...past, title: 'Not joined', groupId: 'cluster-1', startsAt: shift(past.startsAt, { hours: 2 }), endsAt: shift(past.endsAt, { hours: 2 }) });
      const people = [
        { offer: joined, person: dora!, school: 'school-b' },
        { offer: joined, person: eve!, school: schoolId },
        { offer: notJoined, person: fay!, school: 'school-b' },
      ];
      await stores.offers.transaction((tx) => tx.saveSignUps(people.map(({ offer, person, school }, n) => buildSignUp({ offerId: offer.id, person, schoolId: school, queueNumber: n + 1 }))));
      await stores.evidence.transaction(async (tx) => {
        await tx.saveAttendance(people.map(({ offer, person }) => buildAttendance({ offerId: offer.id, person, attended: true, minutes: 90 })));
        for (const { offer, person } of [...people, { offer: own, person: ann }]) {
          await tx.saveFeedback(buildResponse({ offerId: offer.id, person }));
          await tx.saveFollowUp(buildFollowUp({ offerId: offer.id, person }));
        }
      });
      const from = shift(testNow, { days: -30 });
      const titles = (offers: Array<{ title: string }>) => offers.map((o) => o.title);
      expect(titles(await stores.evidence.offersStartedBetween(schoolId, from, testNow, 10))).toEqual(['Joined', 'Own']);
      expect(titles(await stores.evidence.offersStartedBetween('school-b', from, testNow, 10))).toEqual(['Not joined', 'Joined']);
      expect(titles(await stores.evidence.groupOffersStartedBetween(['cluster-1', 'other'], from, testNow, 10))).toEqual(['Not joined', 'Joined']);
      expect(await stores.evidence.groupOffersStartedBetween([], from, testNow, 10)).toEqual([]);

      const sessions = async (school: string) => (await stores.evidence.attendedSessions(school, from, testNow)).map((s) => [s.offer.title, s.record.person.name]);
      expect(await sessions(schoolId)).toEqual([['Own', 'Ann Attendee'], ['Joined', 'Eve Home']]);
      expect(await sessions('school-b')).toEqual([['Joined', 'Dora B'], ['Not joined', 'Fay B']]);

      const answerers = async (school: string) => {
        const { feedback, followUps } = await stores.evidence.answersOfSchool(school, from, testNow);
        return { feedback: feedback.map((f) => f.person.name).sort(), followUps: followUps.map((f) => f.person.name).sort() };
      };
      expect(await answerers(schoolId)).toEqual({ feedback: ['Ann Attendee', 'Eve Home'], followUps: ['Ann Attendee', 'Eve Home'] });
      expect(await answerers('school-b')).toEqual({ feedback: ['Dora B', 'Fay B'], followUps: ['Dora B', 'Fay B'] });
    });
  });
}

import { personalDataColumns, tablesWithoutPersonalData } from '../../../bot/adapters/sql/sqlSubjectAccessReader';
import { manager, report, seedEveryKindOfData, subject } from '../../factories/subjectAccess';
import { schoolId, shift, sltMember, testNow } from '../../factories/offers';
import type { StoreFixture, StoreHarness } from './storeContract';

/** Subject access (ports/subjectAccess.ts): one read of everything kept about a person, for every database. */
export function describePersonalDataContract(harness: StoreHarness, db: StoreFixture): void {
  describe('personal data (subject access)', () => {
    it('every table is either read for a person’s record or named as holding nobody’s data', async () => {
      await db.open();
      const classified = new Set([...Object.keys(personalDataColumns), ...Object.keys(tablesWithoutPersonalData)]);
      const tables = (await harness.tables()).filter((t) => !t.startsWith('sqlite_'));
      expect(tables.filter((t) => !classified.has(t))).toEqual([]);
    });

    it('reads every kind of data kept about the person, and nothing of colleagues', async () => {
      const stores = await db.open();
      const seeded = await seedEveryKindOfData(stores);
      const data = await stores.subjectAccess.personalDataOf(subject.id);

      expect(data.personId).toBe(subject.id);
      expect(data.memberships).toEqual([{ schoolId, schoolName: seeded.schoolName, nameSeen: subject.name, email: seeded.email, lastSeenAt: expect.any(Date) }]);
      expect(data.signUps.map((s) => [s.session.title, s.status, s.queueNumber])).toEqual([
        ['Retrieval practice', 'confirmed', 1],
        ['Hinge questions', 'confirmed', 1],
        ['Outdoor learning', 'waitlisted', 2],
      ]);
      expect(data.signUps[0]!.signedUpAt).toEqual(shift(testNow, { days: -25 }));
      expect(data.attendance.map((a) => [a.session.title, a.attended, a.minutes, a.recordedBy.id])).toEqual([
        ['Retrieval practice', true, 120, sltMember.id],
        ['Hinge questions', true, 90, sltMember.id],
      ]);
      expect(data.attendance[1]!.session).toMatchObject({ offerId: seeded.attendedNamed.id, facilitator: 'Education Scotland', standards: ['Professional Skills and Abilities'], priorities: ['Closing the attainment gap'] });
      expect(data.feedback.map((f) => [f.session.title, f.response.anonymous, f.response.practiceChange, f.response.relatedGoalId])).toEqual([
        ['Retrieval practice', true, 'Low-stakes quizzes each week', null],
        ['Hinge questions', false, 'Plan a hinge question for every lesson', seeded.goal.id],
      ]);
      expect(data.activities).toEqual([seeded.activity]);
      expect(data.reflections).toEqual([{ prompt: seeded.prompt, reflection: seeded.reflection }]);
      expect(data.lineManagers).toEqual([{ schoolId, managerId: manager.id }]);
      expect(data.directReports).toEqual([{ schoolId, staffId: report.id }]);
      expect(data.promptRoundsSent).toEqual([seeded.roundSent]);
      expect(data.workPattern).toEqual({ ftePercent: 80, setBy: sltMember, setAt: shift(testNow, { days: -40 }) });
      expect(data.calendarFeed).toEqual({ createdAt: shift(testNow, { days: -15 }) });
      expect(data.conversationAddress).toEqual({ updatedAt: expect.any(Date) });
      expect(data.reachability).toEqual({ schoolId, reason: 'bot_blocked', installRequestedAt: null, updatedAt: shift(testNow, { days: -6 }) });
      expect(data.proposals).toEqual([seeded.proposal]);
      expect(data.proposalDecisions).toEqual([{ proposalId: seeded.decidedProposal.id, status: 'declined', decidedAt: shift(testNow, { days: -6 }) }]);
      expect(data.offersCreated).toEqual([{ offerId: seeded.facilitated.id, schoolId, title: 'Reading for pleasure', createdAt: seeded.facilitated.createdAt }]);
      expect(data.sessionsFacilitated.map((s) => s.offerId)).toEqual([seeded.facilitated.id]);
      expect(data.attendanceRecorded).toEqual([{ offerId: seeded.facilitated.id, title: 'Reading for pleasure', people: 1, lastRecordedAt: shift(testNow, { days: -3, hours: 2 }) }]);
      expect(data.notices).toEqual([{ kind: 'waitlist_promotion', status: 'pending', createdAt: testNow, sentAt: null }]);
      expect(data.databaseGoals).toEqual([seeded.goal]);
      expect(data.downloads).toEqual([]);

      const everything = JSON.stringify(data);
      expect(everything).not.toContain('Callum’s');
      expect(everything).not.toContain(seeded.calendarToken);
      expect(everything).not.toContain('a:personal-ailsa');
    });

    it('a person the app has never seen has an empty record', async () => {
      const stores = await db.open();
      await seedEveryKindOfData(stores);
      const data = await stores.subjectAccess.personalDataOf('nobody');
      expect(Object.entries(data).filter(([, value]) => Array.isArray(value) ? value.length > 0 : value !== null && value !== 'nobody')).toEqual([]);
    });

    it('keeps who downloaded whose record, with ids only, in both people’s records', async () => {
      const stores = await db.open();
      await stores.recordDownloads.recordDownload({ requesterId: sltMember.id, subjectId: subject.id, format: 'record.json', at: testNow });
      await stores.recordDownloads.recordDownload({ requesterId: subject.id, subjectId: subject.id, format: 'mypl.csv', at: shift(testNow, { minutes: 1 }) });
      expect((await stores.subjectAccess.personalDataOf(subject.id)).downloads).toEqual([
        { requesterId: sltMember.id, format: 'record.json', at: testNow },
        { requesterId: subject.id, format: 'mypl.csv', at: shift(testNow, { minutes: 1 }) },
      ]);
      expect((await stores.subjectAccess.personalDataOf(sltMember.id)).downloadsMade).toEqual([{ subjectId: subject.id, format: 'record.json', at: testNow }]);
      expect(await db.inspect('select requester_id, subject_id, format from record_downloads order by id')).toEqual([
        { requester_id: sltMember.id, subject_id: subject.id, format: 'record.json' },
        { requester_id: subject.id, subject_id: subject.id, format: 'mypl.csv' },
      ]);
    });

    it('a download link opens until it expires, then is gone', async () => {
      const stores = await db.open();
      const expiresAt = shift(testNow, { minutes: 15 });
      await stores.recordDownloads.saveLink({ tokenHash: 'hash-1', personId: subject.id, createdAt: testNow, expiresAt });
      expect(await stores.recordDownloads.personWithLink('hash-1', shift(expiresAt, { ms: -1 }))).toBe(subject.id);
      expect(await stores.recordDownloads.personWithLink('hash-2', testNow)).toBeUndefined();
      expect(await stores.recordDownloads.personWithLink('hash-1', expiresAt)).toBeUndefined();
      expect(await db.inspect('select token_hash from record_download_links')).toEqual([]);
    });
  });
}

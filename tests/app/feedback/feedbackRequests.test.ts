import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { recordAttendance } from '../../../bot/app/attendance/recordAttendance';
import { sendFeedbackReminders, sendFeedbackRequests } from '../../../bot/app/feedback/feedbackRequests';
import { submitFeedback } from '../../../bot/app/feedback/submitFeedback';
import { runJob } from '../../../bot/app/jobs/registry';
import { Offer } from '../../../bot/domain/offer';
import { Stores } from '../../../bot/ports/stores';
import { buildAnswers, buildDependencies, buildOffer, buildPerson, buildSignUp, FakeClock, schoolId, sltMember } from '../../factories';

const facilitator = buildPerson({ name: 'Fiona Facilitator' });
const ann = buildPerson({ name: 'Ann' });
const bob = buildPerson({ name: 'Bob' });
const cat = buildPerson({ name: 'Cat' });

/** A Tuesday afternoon session, 15:30–17:00 London time (UTC in December). */
const startsAt = new Date('2026-12-01T15:30:00Z');
const endsAt = new Date('2026-12-01T17:00:00Z');

describe('attendance, then feedback requests and one reminder', () => {
  let stores: Stores;
  let clock: FakeClock;
  let offer: Offer;
  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-feedback-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
    offer = buildOffer({ startsAt, endsAt, signUpsCloseAt: new Date('2026-11-30T12:00:00Z'), facilitator: { kind: 'staff', userId: facilitator.id, name: facilitator.name } });
    await stores.offers.transaction(async (tx) => {
      await tx.insertOffer(offer);
      await tx.saveSignUps([ann, bob, cat].map((person, i) => buildSignUp({ offerId: offer.id, person, queueNumber: i + 1 })));
    });
    clock = new FakeClock(new Date('2026-12-01T16:55:00Z'));
  });
  afterEach(() => stores.close());

  const deps = () => buildDependencies(stores, { clock });
  const dueNotices = (at: Date) => stores.outbox.claimDue(at, 50, 60_000);

  it('recording attendance schedules the requests an hour after the end; the job asks attendees, and offers the facilitator the share form', async () => {
    await recordAttendance(deps(), { offerId: offer.id, recorder: facilitator, attendedIds: [ann.id, bob.id] });
    expect(await stores.jobs.claimDue(new Date('2026-12-01T17:59:00Z'), 10, 60_000)).toEqual([]);
    const [job] = await stores.jobs.claimDue(new Date('2026-12-01T18:00:00Z'), 10, 60_000);
    expect(job?.job).toEqual({ kind: 'feedback_requests', offerId: offer.id });

    clock.set(new Date('2026-12-01T18:00:00Z'));
    await runJob(deps(), job!.job);
    const due = await dueNotices(clock.now());
    const sent = due.filter((n) => n.notice.kind === 'feedback_request');
    expect(sent.map((n) => n.recipientId).sort()).toEqual([ann.id, bob.id].sort());
    expect(sent[0]!.notice).toMatchObject({ kind: 'feedback_request', offerId: offer.id, reminder: false, closesAt: '2026-12-15T17:00:00.000Z' });
    // The facilitator gets no feedback request, so sharing reaches them this way.
    expect(due.filter((n) => n.notice.kind === 'share_invite')).toMatchObject([
      { recipientId: facilitator.id, notice: { kind: 'share_invite', offerId: offer.id, offerTitle: offer.title, channelName: 'the CLPL channel' } },
    ]);
  });

  it('a person marked later is asked too, and nobody is asked twice', async () => {
    clock.set(new Date('2026-12-01T18:00:00Z'));
    await recordAttendance(deps(), { offerId: offer.id, recorder: sltMember, attendedIds: [ann.id] });
    await sendFeedbackRequests(deps(), offer.id);
    await recordAttendance(deps(), { offerId: offer.id, recorder: sltMember, attendedIds: [ann.id, cat.id] });
    await sendFeedbackRequests(deps(), offer.id);
    const due = await dueNotices(clock.now());
    expect(due.filter((n) => n.notice.kind === 'feedback_request').map((n) => n.recipientId).sort()).toEqual([ann.id, cat.id].sort());
    expect(due.filter((n) => n.notice.kind === 'share_invite').map((n) => n.recipientId)).toEqual([facilitator.id]);
  });

  it('requests falling in quiet hours wait until 07:00', async () => {
    clock.set(new Date('2026-12-01T21:00:00Z'));
    await recordAttendance(deps(), { offerId: offer.id, recorder: facilitator, attendedIds: [ann.id] });
    await sendFeedbackRequests(deps(), offer.id);
    expect(await dueNotices(new Date('2026-12-02T06:59:00Z'))).toEqual([]);
    // Ann's request and the facilitator's invitation to share.
    expect((await dueNotices(new Date('2026-12-02T07:00:00Z'))).map((n) => n.recipientId).sort()).toEqual([ann.id, facilitator.id].sort());
  });

  it('one reminder goes, three days on, to attendees who have not answered', async () => {
    clock.set(new Date('2026-12-01T18:00:00Z'));
    await recordAttendance(deps(), { offerId: offer.id, recorder: facilitator, attendedIds: [ann.id, bob.id] });
    await sendFeedbackRequests(deps(), offer.id);
    await dueNotices(clock.now()).then((batch) => Promise.all(batch.map((n) => stores.outbox.markSent(n.id, clock.now()))));
    await submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers() });

    const reminderJobs = (await stores.jobs.claimDue(new Date('2026-12-04T18:00:00Z'), 10, 60_000)).filter((j) => j.job.kind === 'feedback_reminders');
    expect(reminderJobs).toHaveLength(1);
    clock.set(new Date('2026-12-04T18:00:00Z'));
    await sendFeedbackReminders(deps(), offer.id);
    await sendFeedbackReminders(deps(), offer.id);
    const reminders = await dueNotices(new Date('2026-12-05T07:00:00Z'));
    expect(reminders.map((n) => [n.recipientId, n.notice.kind === 'feedback_request' && n.notice.reminder])).toEqual([[bob.id, true]]);
  });

  it('sends no invitation to share to an external facilitator, nor to one marked as attending (their feedback card offers it)', async () => {
    clock.set(new Date('2026-12-01T18:00:00Z'));
    await stores.offers.transaction((tx) => tx.saveSignUps([buildSignUp({ offerId: offer.id, person: facilitator, queueNumber: 4 })]));
    await recordAttendance(deps(), { offerId: offer.id, recorder: facilitator, attendedIds: [ann.id, facilitator.id] });
    await sendFeedbackRequests(deps(), offer.id);
    const external = buildOffer({ startsAt, endsAt, signUpsCloseAt: offer.signUpsCloseAt, facilitator: { kind: 'external', name: 'Visiting Speaker' } });
    await stores.offers.transaction(async (tx) => {
      await tx.insertOffer(external);
      await tx.saveSignUps([buildSignUp({ offerId: external.id, person: bob, queueNumber: 1 })]);
    });
    await recordAttendance(deps(), { offerId: external.id, recorder: sltMember, attendedIds: [bob.id] });
    await sendFeedbackRequests(deps(), external.id);
    const due = await dueNotices(clock.now());
    expect(due.map((n) => n.notice.kind)).not.toContain('share_invite');
    expect(due.map((n) => n.recipientId).sort()).toEqual([ann.id, facilitator.id, bob.id].sort());
  });

  it('asks no one once feedback has closed', async () => {
    await recordAttendance(deps(), { offerId: offer.id, recorder: facilitator, attendedIds: [ann.id] });
    clock.set(new Date('2026-12-15T17:00:00Z'));
    await sendFeedbackRequests(deps(), offer.id);
    expect(await dueNotices(clock.now())).toEqual([]);
  });

  it('refuses attendance from someone who is neither facilitator nor SLT, and stores nothing', async () => {
    await expect(recordAttendance(deps(), { offerId: offer.id, recorder: ann, attendedIds: [ann.id] })).rejects.toMatchObject({ code: 'not_facilitator' });
    expect(await stores.evidence.attendanceFor(offer.id)).toEqual([]);
    expect(await stores.jobs.claimDue(new Date('2027-01-01T00:00:00Z'), 10, 60_000)).toEqual([]);
  });

  it('a refused feedback change keeps the answer already stored', async () => {
    clock.set(new Date('2026-12-01T18:00:00Z'));
    await recordAttendance(deps(), { offerId: offer.id, recorder: facilitator, attendedIds: [ann.id] });
    await submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ value: 3 }) });
    await expect(submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ value: 9 }) })).rejects.toMatchObject({ code: 'invalid_feedback' });
    clock.set(new Date('2026-12-16T00:00:00Z'));
    await expect(submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ value: 5 }) })).rejects.toMatchObject({ code: 'feedback_closed' });
    expect((await stores.evidence.findFeedback(offer.id, ann.id))?.value).toBe(3);
  });
});

describe('feedback requests for a group offer', () => {
  it('each request is filed under the school its attendee signed up from', async () => {
    const stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-feedback-')), 'clpl.sqlite'));
    try {
      await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
      const offer = buildOffer({ startsAt, endsAt, signUpsCloseAt: new Date('2026-11-30T12:00:00Z'), groupId: 'cluster-1', facilitator: { kind: 'staff', userId: facilitator.id, name: facilitator.name } });
      await stores.offers.transaction(async (tx) => {
        await tx.insertOffer(offer);
        await tx.saveSignUps([buildSignUp({ offerId: offer.id, person: ann, queueNumber: 1, schoolId: 'school-b' }), buildSignUp({ offerId: offer.id, person: bob, queueNumber: 2, schoolId: 'school-c' })]);
      });
      const clock = new FakeClock(new Date('2026-12-01T16:55:00Z'));
      await recordAttendance(buildDependencies(stores, { clock }), { offerId: offer.id, recorder: facilitator, attendedIds: [ann.id, bob.id] });
      clock.set(new Date('2026-12-01T18:00:00Z'));
      await sendFeedbackRequests(buildDependencies(stores, { clock }), offer.id);
      const requests = (await stores.outbox.claimDue(clock.now(), 50, 60_000)).filter((n) => n.notice.kind === 'feedback_request');
      expect(requests.map((n) => [n.recipientId, n.schoolId]).sort()).toEqual([
        [ann.id, 'school-b'],
        [bob.id, 'school-c'],
      ]);
    } finally {
      await stores.close();
    }
  });
});

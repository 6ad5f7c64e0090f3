import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { recordAttendance } from '../../../bot/app/attendance/recordAttendance';
import { cancelOffer } from '../../../bot/app/cancelOffer';
import { defaultEvidenceSettings, EvidenceSettings } from '../../../bot/app/evidenceSettings';
import { submitFollowUp } from '../../../bot/app/followUp/submitFollowUp';
import { runJob } from '../../../bot/app/jobs/registry';
import { Offer } from '../../../bot/domain/offer';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, buildFollowUpAnswers, buildOffer, buildPerson, buildSignUp, FakeClock, schoolId, sltMember } from '../../factories';

const facilitator = buildPerson({ name: 'Fiona Facilitator' });
const ann = buildPerson({ name: 'Ann' });
const bob = buildPerson({ name: 'Bob' });
const cat = buildPerson({ name: 'Cat' });

/** Term dates with a Christmas holiday from 23 December to 5 January. */
const evidence: EvidenceSettings = {
  ...defaultEvidenceSettings,
  terms: [
    { name: 'Autumn', from: '08-18', to: '12-22' },
    { name: 'Spring', from: '01-06', to: '03-27' },
    { name: 'Summer', from: '04-13', to: '06-26' },
  ],
};

describe('the practice follow-up weeks after a session', () => {
  let stores: Stores;
  let clock: FakeClock;
  const deps = () => buildDependencies(stores, { clock, evidence });
  const due = (at: Date) => stores.jobs.claimDue(at, 10, 60_000);

  async function sessionOn(startsAt: string, endsAt: string, followUpWeeks?: number): Promise<Offer> {
    const offer = buildOffer({
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      signUpsCloseAt: new Date(new Date(startsAt).getTime() - 86_400_000),
      facilitator: { kind: 'staff', userId: facilitator.id, name: facilitator.name },
      ...(followUpWeeks === undefined ? {} : { followUpWeeks }),
    });
    await stores.offers.transaction(async (tx) => {
      await tx.insertOffer(offer);
      await tx.saveSignUps([ann, bob, cat].map((person, i) => buildSignUp({ offerId: offer.id, person, queueNumber: i + 1 })));
    });
    clock.set(new Date(new Date(endsAt).getTime() - 5 * 60_000));
    await recordAttendance(deps(), { offerId: offer.id, recorder: facilitator, attendedIds: [ann.id, bob.id] });
    return offer;
  }

  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-follow-up-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
    clock = new FakeClock(new Date('2026-09-01T12:00:00Z'));
  });
  afterEach(() => stores.close());

  it('marking attendance schedules it the offer\'s weeks later; it asks attendees only, once, after quiet hours', async () => {
    // Tuesday 1 September, 15:30–17:00 London time; four weeks later is Tuesday 29 September, 17:00 (18:00 BST).
    const offer = await sessionOn('2026-09-01T14:30:00Z', '2026-09-01T16:00:00Z', 4);
    const jobs = (await due(new Date('2026-09-29T16:00:00Z'))).filter((j) => j.job.kind === 'follow_up_requests');
    expect(jobs.map((j) => j.dueAt)).toEqual([new Date('2026-09-29T16:00:00Z')]);

    // The job runs late in the evening: the messages wait until 07:00 the next morning.
    clock.set(new Date('2026-09-29T20:30:00Z'));
    await runJob(deps(), jobs[0]!.job);
    await runJob(deps(), jobs[0]!.job);
    expect(await stores.outbox.claimDue(new Date('2026-09-30T05:59:00Z'), 50, 60_000)).toEqual([]);
    const sent = await stores.outbox.claimDue(new Date('2026-09-30T06:00:00Z'), 50, 60_000);
    expect(sent.map((n) => n.recipientId).sort()).toEqual([ann.id, bob.id].sort());
    expect(sent[0]!.notice).toMatchObject({ kind: 'follow_up_request', offerId: offer.id, reminder: false, closesAt: '2026-10-20T16:00:00.000Z', feedbackConfidence: null });

    // One reminder a week after delivery, to those who have not answered.
    clock.set(new Date('2026-09-30T09:00:00Z'));
    await submitFollowUp(deps(), { offerId: offer.id, person: ann, answers: buildFollowUpAnswers() });
    const [reminders] = (await due(new Date('2026-10-07T06:00:00Z'))).filter((j) => j.job.kind === 'follow_up_reminders');
    expect(reminders?.dueAt).toEqual(new Date('2026-10-07T06:00:00Z'));
    clock.set(new Date('2026-10-07T06:00:00Z'));
    await runJob(deps(), reminders!.job);
    // (The requests claimed above were never marked sent, so their lease has run out: only reminders are looked at.)
    const reminded = (await stores.outbox.claimDue(clock.now(), 50, 60_000)).filter((n) => n.idempotencyKey.startsWith('follow_up_reminder:'));
    expect(reminded.map((n) => [n.recipientId, n.notice.kind === 'follow_up_request' && n.notice.reminder])).toEqual([[bob.id, true]]);
  });

  it('waits for the new term when the weeks end in a school holiday', async () => {
    // Six weeks (the default) after Tuesday 17 November is 29 December: asked on 6 January instead.
    await sessionOn('2026-11-17T15:30:00Z', '2026-11-17T17:00:00Z');
    const jobs = (await due(new Date('2027-02-01T00:00:00Z'))).filter((j) => j.job.kind === 'follow_up_requests');
    expect(jobs.map((j) => j.dueAt)).toEqual([new Date('2027-01-06T00:00:00Z')]);
  });

  it('an offer set to 0 weeks has none, and a cancelled offer drops it', async () => {
    await sessionOn('2026-09-01T14:30:00Z', '2026-09-01T16:00:00Z', 0);
    expect((await due(new Date('2027-09-01T00:00:00Z'))).filter((j) => j.job.kind === 'follow_up_requests')).toEqual([]);

    clock.set(new Date('2026-09-01T12:00:00Z'));
    const upcoming = buildOffer({ startsAt: new Date('2026-09-10T14:30:00Z'), endsAt: new Date('2026-09-10T16:00:00Z'), signUpsCloseAt: new Date('2026-09-09T12:00:00Z') });
    await stores.offers.transaction((tx) => tx.insertOffer(upcoming));
    await stores.offers.transaction((tx) => tx.scheduleJob({ key: `follow_up_requests:${upcoming.id}`, dueAt: new Date('2026-10-22T16:00:00Z'), job: { kind: 'follow_up_requests', offerId: upcoming.id } }, clock.now()));
    await cancelOffer(deps(), { offerId: upcoming.id, person: sltMember });
    expect((await due(new Date('2027-09-01T00:00:00Z'))).filter((j) => j.job.kind === 'follow_up_requests')).toEqual([]);
  });
});

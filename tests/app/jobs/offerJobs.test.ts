import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { myAttendedHours } from '../../../bot/app/attendance/myHours';
import { recordAttendance } from '../../../bot/app/attendance/recordAttendance';
import { cancelOffer } from '../../../bot/app/cancelOffer';
import { createOffer } from '../../../bot/app/createOffer';
import { JobRunner } from '../../../bot/app/delivery/jobRunner';
import { editOffer } from '../../../bot/app/editOffer';
import { Offer } from '../../../bot/domain/offer';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, FakeClock, TestDependencies } from '../../factories/dependencies';
import { buildDraft, buildSignUps, schoolId, shift, sltMember } from '../../factories/offers';

/**
 * A session on Tuesday 8 December 2026, 15:45–16:45 UTC (GMT in Edinburgh), created a week ahead. Reminders go 24 h
 * before the start and feedback requests 1 h after the end (the defaults), all outside quiet hours.
 */
const createdAt = new Date('2026-12-01T10:00:00Z');
const startsAt = new Date('2026-12-08T15:45:00Z');
const endsAt = new Date('2026-12-08T16:45:00Z');

describe('scheduled jobs follow an offer as SLT edit or cancel it', () => {
  let stores: Stores;
  let clock: FakeClock;
  let deps: TestDependencies;
  let runner: JobRunner;

  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-offer-jobs-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
    await stores.schools.setClplChannel(schoolId, { id: '19:clpl@thread.tacv2', name: 'Staff CLPL' });
    clock = new FakeClock(createdAt);
    deps = buildDependencies(stores, { clock });
    runner = new JobRunner({ app: deps, jobs: stores.jobs, logger: pino({ level: 'silent' }) }, { pollMs: 60_000, leaseMs: 60_000, maxAttempts: 3 });
  });
  afterEach(() => stores.close());

  async function postedOfferWithTwoConfirmed(): Promise<Offer> {
    const { offer } = await createOffer(deps, { schoolId, author: sltMember, draft: buildDraft({ startsAt, endsAt, signUpsCloseAt: shift(startsAt, { days: -1 }), capacity: 2 }) });
    await stores.offers.transaction((tx) => tx.saveSignUps(buildSignUps(offer, 2)));
    return offer;
  }

  /** Runs the jobs due at `at`, as the server's runner would then. */
  async function runJobsAt(at: Date): Promise<void> {
    clock.set(at);
    await runner.runDue();
  }

  /** The notices of a kind that are due by `at` (each query must be later than the one before: it takes them). */
  async function queued(kind: string, at: Date) {
    return (await stores.outbox.claimDue(at, 100, 1)).filter((n) => n.notice.kind === kind);
  }

  const edit = (offer: Offer, changes: Partial<Offer>) => editOffer(deps, { offerId: offer.id, person: sltMember, draft: { ...offer, ...changes }, acceptedDemotions: 0 });

  it('editing the start moves the reminder: nothing at the old time, one reminder of the new time 24 h before it', async () => {
    const offer = await postedOfferWithTwoConfirmed();
    const laterStart = shift(startsAt, { days: 1 });
    await edit(offer, { startsAt: laterStart, endsAt: shift(endsAt, { days: 1 }) });

    const oldReminderTime = shift(startsAt, { days: -1, minutes: 1 });
    await runJobsAt(oldReminderTime);
    expect(await queued('session_reminder', oldReminderTime)).toEqual([]);

    const newReminderTime = shift(laterStart, { days: -1, minutes: 1 });
    await runJobsAt(newReminderTime);
    const reminders = await queued('session_reminder', newReminderTime);
    expect(reminders.map((n) => n.recipientId)).toEqual(['person-1', 'person-2']);
    expect(reminders.map((n) => n.notice.kind === 'session_reminder' && n.notice.startsAt)).toEqual([laterStart.toISOString(), laterStart.toISOString()]);
  });

  it('editing the end moves the feedback request to an hour after the new end', async () => {
    const offer = await postedOfferWithTwoConfirmed();
    const laterEnd = shift(endsAt, { minutes: 30 });
    await edit(offer, { endsAt: laterEnd });
    const feedbackJobsDue = async (at: Date) => (await stores.jobs.claimDue(at, 10, 1)).filter((j) => j.job.kind === 'feedback_requests').map((j) => j.job);
    expect(await feedbackJobsDue(shift(endsAt, { hours: 1 }))).toEqual([]);
    expect(await feedbackJobsDue(shift(laterEnd, { hours: 1 }))).toEqual([{ kind: 'feedback_requests', offerId: offer.id }]);

    clock.set(shift(startsAt, { minutes: 5 }));
    await recordAttendance(deps, { offerId: offer.id, recorder: sltMember, attendedIds: ['person-1'] });
    const oldAskTime = shift(endsAt, { hours: 1, minutes: 1 });
    await runJobsAt(oldAskTime);
    expect(await queued('feedback_request', oldAskTime)).toEqual([]);
    const newAskTime = shift(laterEnd, { hours: 1, minutes: 1 });
    await runJobsAt(newAskTime);
    expect((await queued('feedback_request', newAskTime)).map((n) => n.recipientId)).toEqual(['person-1']);
  });

  it('a cancelled offer sends no reminder and no feedback request, even from jobs taken before the cancellation', async () => {
    const offer = await postedOfferWithTwoConfirmed();
    await cancelOffer(deps, { offerId: offer.id, person: sltMember });
    const afterEverything = shift(endsAt, { days: 5 });
    await runJobsAt(afterEverything);
    // As if another instance had claimed the jobs just before the cancellation was saved: they run, and do nothing.
    await stores.offers.transaction(async (tx) => {
      await tx.scheduleJob({ key: 'late-reminder', dueAt: afterEverything, job: { kind: 'session_reminders', offerId: offer.id } }, afterEverything);
      await tx.scheduleJob({ key: 'late-feedback', dueAt: afterEverything, job: { kind: 'feedback_requests', offerId: offer.id } }, afterEverything);
    });
    await runJobsAt(shift(afterEverything, { minutes: 1 }));

    const notices = await stores.outbox.claimDue(shift(afterEverything, { minutes: 2 }), 100, 1);
    expect(notices.map((n) => n.notice.kind)).toEqual(['offer_cancelled', 'offer_cancelled']);
  });

  it('attended hours follow the session length as edited before the session', async () => {
    const offer = await postedOfferWithTwoConfirmed();
    await edit(offer, { endsAt: shift(startsAt, { hours: 2 }) });
    clock.set(shift(endsAt, { hours: 2 }));
    await recordAttendance(deps, { offerId: offer.id, recorder: sltMember, attendedIds: ['person-1'] });
    expect((await myAttendedHours(deps, 'person-1')).progress.hours).toBe(2);
  });

  it('an edit saved after attendance was marked (instances whose clocks disagree) carries the new length into the hours', async () => {
    const offer = await postedOfferWithTwoConfirmed();
    clock.set(shift(startsAt, { minutes: 1 }));
    await recordAttendance(deps, { offerId: offer.id, recorder: sltMember, attendedIds: ['person-1', 'person-2'] });
    clock.set(shift(startsAt, { minutes: -1 }));
    await edit(offer, { endsAt: shift(startsAt, { minutes: 90 }) });

    clock.set(shift(startsAt, { days: 1 }));
    expect((await stores.evidence.attendanceFor(offer.id)).map((r) => [r.person.id, r.minutes])).toEqual([
      ['person-1', 90],
      ['person-2', 90],
    ]);
    expect((await myAttendedHours(deps, 'person-2')).progress.hours).toBe(1.5);
  });
});

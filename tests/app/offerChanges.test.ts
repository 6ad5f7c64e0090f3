import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../bot/adapters/sqlite/openSqliteStores';
import { cancelOffer } from '../../bot/app/cancelOffer';
import { editOffer } from '../../bot/app/editOffer';
import { Offer } from '../../bot/domain/offer';
import { Stores } from '../../bot/ports/stores';
import { buildDependencies, FakeClock } from '../factories/dependencies';
import { buildOffer, buildSignUps, schoolId, sltMember } from '../factories/offers';

/** Tuesday 1 December 2026, 21:30 in Edinburgh (GMT): inside quiet hours. */
const evening = new Date('2026-12-01T21:30:00Z');

describe('SLT editing and cancelling an offer', () => {
  let stores: Stores;
  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-changes-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
  });
  afterEach(() => stores.close());

  async function offerWithSignUps(startsAt: Date, count = 3, capacity = 2): Promise<Offer> {
    const offer = buildOffer({ startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), signUpsCloseAt: new Date(startsAt.getTime() - 3_600_000), capacity });
    await stores.offers.transaction(async (tx) => {
      await tx.insertOffer(offer);
      await tx.saveSignUps(buildSignUps(offer, count));
    });
    return offer;
  }

  const noticesDue = async (at: Date) => (await stores.outbox.claimDue(at, 50, 60_000)).map((n) => [n.recipientId, n.notice.kind]);

  it('an urgent cancellation (within 24 h) reaches everyone at once, even in quiet hours', async () => {
    const deps = buildDependencies(stores, { clock: new FakeClock(evening) });
    const offer = await offerWithSignUps(new Date('2026-12-02T15:45:00Z'));
    const outcome = await cancelOffer(deps, { offerId: offer.id, person: sltMember });
    expect(outcome).toMatchObject({ told: 3, urgent: true });
    expect(await noticesDue(evening)).toEqual([
      ['person-1', 'offer_cancelled'],
      ['person-2', 'offer_cancelled'],
      ['person-3', 'offer_cancelled'],
    ]);
    expect((await stores.offers.findOffer(offer.id))?.status).toBe('cancelled');
    expect(deps.afterCommit.changedOffers).toEqual([offer.id]);
  });

  it('a cancellation days ahead waits for the end of quiet hours, and the reminder job is dropped', async () => {
    const deps = buildDependencies(stores, { clock: new FakeClock(evening) });
    const offer = await offerWithSignUps(new Date('2026-12-08T15:45:00Z'));
    await stores.offers.transaction((tx) => tx.scheduleJob({ key: `session_reminders:${offer.id}`, dueAt: new Date('2026-12-07T15:45:00Z'), job: { kind: 'session_reminders', offerId: offer.id } }, evening));
    await cancelOffer(deps, { offerId: offer.id, person: sltMember });
    expect(await noticesDue(new Date('2026-12-02T06:59:00Z'))).toEqual([]);
    expect(await noticesDue(new Date('2026-12-02T07:00:00Z'))).toHaveLength(3);
    expect(await stores.jobs.claimDue(new Date('2026-12-09T00:00:00Z'), 10, 60_000)).toEqual([]);
  });

  it('only SLT may edit or cancel, and nothing changes otherwise', async () => {
    const deps = buildDependencies(stores, { clock: new FakeClock(evening) });
    const offer = await offerWithSignUps(new Date('2026-12-08T15:45:00Z'));
    const teacher = { id: 'person-1', name: 'Person 1' };
    await expect(cancelOffer(deps, { offerId: offer.id, person: teacher })).rejects.toMatchObject({ code: 'not_slt' });
    await expect(editOffer(deps, { offerId: offer.id, person: teacher, draft: { ...offer, title: 'Mine now' }, acceptedDemotions: 0 })).rejects.toMatchObject({ code: 'not_slt' });
    expect(await stores.offers.findOffer(offer.id)).toEqual(offer);
  });

  it('a new time is saved, moves the reminder job, raises the revision and tells the confirmed after quiet hours', async () => {
    const deps = buildDependencies(stores, { clock: new FakeClock(evening) });
    const offer = await offerWithSignUps(new Date('2026-12-08T15:45:00Z'));
    const startsAt = new Date('2026-12-09T15:45:00Z');
    const outcome = await editOffer(deps, { offerId: offer.id, person: sltMember, draft: { ...offer, startsAt, endsAt: new Date('2026-12-09T16:45:00Z') }, acceptedDemotions: 0 });
    expect(outcome).toMatchObject({ kind: 'saved', told: 2, demoted: 0, promoted: 0 });
    expect(await stores.offers.findOffer(offer.id)).toMatchObject({ startsAt, revision: offer.revision + 1 });
    expect(await noticesDue(evening)).toEqual([]);
    expect(await noticesDue(new Date('2026-12-02T07:00:00Z'))).toEqual([
      ['person-1', 'offer_changed'],
      ['person-2', 'offer_changed'],
    ]);
    const jobs = await stores.jobs.claimDue(new Date('2026-12-09T00:00:00Z'), 10, 60_000);
    expect(jobs.map((j) => [j.key, j.dueAt.toISOString()])).toEqual([[`session_reminders:${offer.id}`, '2026-12-08T15:45:00.000Z']]);
  });

  it('lowering capacity asks first, then moves the latest confirmed back and tells them', async () => {
    const deps = buildDependencies(stores, { clock: new FakeClock(new Date('2026-12-01T10:00:00Z')) });
    const offer = await offerWithSignUps(new Date('2026-12-08T15:45:00Z'), 4, 3);
    const draft = { ...offer, capacity: 1 };
    const asked = await editOffer(deps, { offerId: offer.id, person: sltMember, draft, acceptedDemotions: 0 });
    expect(asked.kind === 'needs_confirmation' && asked.demoted.map((p) => p.id)).toEqual(['person-2', 'person-3']);
    expect(await stores.offers.findOffer(offer.id)).toEqual(offer);

    const saved = await editOffer(deps, { offerId: offer.id, person: sltMember, draft, acceptedDemotions: 2 });
    expect(saved).toMatchObject({ kind: 'saved', demoted: 2, told: 0 });
    expect((await stores.offers.signUpsForOffer(offer.id)).map((s) => [s.person.id, s.status])).toEqual([
      ['person-1', 'confirmed'],
      ['person-2', 'waitlisted'],
      ['person-3', 'waitlisted'],
      ['person-4', 'waitlisted'],
    ]);
    expect(await noticesDue(new Date('2026-12-01T10:00:00Z'))).toEqual([
      ['person-2', 'moved_to_waitlist'],
      ['person-3', 'moved_to_waitlist'],
    ]);
  });
});

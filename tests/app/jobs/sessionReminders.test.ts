import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { sendSessionReminders } from '../../../bot/app/jobs/sessionReminders';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, FakeClock } from '../../factories/dependencies';
import { buildOffer, buildSignUp, schoolId } from '../../factories/offers';

describe('session reminders', () => {
  let stores: Stores;
  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-jobs-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
  });
  afterEach(() => stores.close());

  async function offerWithSignUps(startsAt: Date, status: 'open' | 'cancelled' = 'open') {
    const offer = buildOffer({ startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), signUpsCloseAt: new Date(startsAt.getTime() - 3_600_000), capacity: 1, status });
    await stores.offers.transaction(async (tx) => {
      await tx.insertOffer(offer);
      await tx.saveSignUps([
        buildSignUp({ offerId: offer.id, person: { id: 'confirmed-1', name: 'C' }, status: 'confirmed', queueNumber: 1 }),
        buildSignUp({ offerId: offer.id, person: { id: 'waiting-1', name: 'W' }, status: 'waitlisted', queueNumber: 2 }),
      ]);
    });
    return offer;
  }

  it('reminds the confirmed people only, once however often the job runs', async () => {
    const clock = new FakeClock(new Date('2026-12-02T10:00:00Z'));
    const deps = buildDependencies(stores, { clock });
    const offer = await offerWithSignUps(new Date('2026-12-03T15:45:00Z'));
    await sendSessionReminders(deps, offer.id);
    await sendSessionReminders(deps, offer.id);
    const due = await stores.outbox.claimDue(clock.now(), 10, 60_000);
    expect(due.map((n) => [n.recipientId, n.notice.kind])).toEqual([['confirmed-1', 'session_reminder']]);
  });

  it('a reminder falling in the evening waits until 07:00 the next morning', async () => {
    const clock = new FakeClock(new Date('2026-12-01T21:30:00Z'));
    const deps = buildDependencies(stores, { clock });
    const offer = await offerWithSignUps(new Date('2026-12-02T15:45:00Z'));
    await sendSessionReminders(deps, offer.id);
    expect(await stores.outbox.claimDue(new Date('2026-12-02T06:59:00Z'), 10, 60_000)).toEqual([]);
    expect(await stores.outbox.claimDue(new Date('2026-12-02T07:00:00Z'), 10, 60_000)).toHaveLength(1);
  });

  it('a reminder is not held past the start of an early session', async () => {
    const clock = new FakeClock(new Date('2026-12-01T21:30:00Z'));
    const deps = buildDependencies(stores, { clock });
    const offer = await offerWithSignUps(new Date('2026-12-02T06:30:00Z'));
    await sendSessionReminders(deps, offer.id);
    expect(await stores.outbox.claimDue(clock.now(), 10, 60_000)).toHaveLength(1);
  });

  it('no reminders for a cancelled offer', async () => {
    const clock = new FakeClock(new Date('2026-12-02T10:00:00Z'));
    const deps = buildDependencies(stores, { clock });
    const offer = await offerWithSignUps(new Date('2026-12-03T15:45:00Z'), 'cancelled');
    await sendSessionReminders(deps, offer.id);
    expect(await stores.outbox.claimDue(clock.now(), 10, 60_000)).toEqual([]);
  });
});

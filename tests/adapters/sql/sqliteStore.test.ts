import BetterSqlite3 from 'better-sqlite3';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { signUp } from '../../../bot/app/signUp';
import { withdraw } from '../../../bot/app/withdraw';
import { Offer } from '../../../bot/domain/offer';
import { SignUp } from '../../../bot/domain/signUp';
import { NewNotice } from '../../../bot/ports/outbox';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies } from '../../factories/dependencies';
import { buildOffer, buildPerson, buildSignUp, schoolId, shift, testNow } from '../../factories/offers';
import type { SignUpProcessResult } from './signUpProcess';

let dir: string;
let file: string;
let opened: Stores[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clpl-sqlite-'));
  file = join(dir, 'data', 'clpl.sqlite');
});

afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()));
  opened = [];
  rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<Stores> {
  const stores = await openSqliteStores(file);
  opened.push(stores);
  return stores;
}

async function close(stores: Stores): Promise<void> {
  opened = opened.filter((s) => s !== stores);
  await stores.close();
}

/** Looks at the file directly, as an operator would with the sqlite3 shell. */
function inspect<T>(query: string, ...params: unknown[]): T[] {
  const raw = new BetterSqlite3(file, { readonly: true });
  try {
    return raw.prepare(query).all(...params) as T[];
  } finally {
    raw.close();
  }
}

async function withSchool(): Promise<Stores> {
  const stores = await open();
  await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: 'tenant-1' });
  return stores;
}

async function insertOffer(stores: Stores, overrides: Partial<Offer> = {}): Promise<Offer> {
  const offer = buildOffer(overrides);
  await stores.offers.transaction((tx) => tx.insertOffer(offer));
  return offer;
}

const notice = (key: string, recipientId = 'person-1'): NewNotice => ({
  idempotencyKey: key,
  schoolId,
  recipientId,
  notice: { kind: 'waitlist_promotion', offerId: 'offer-1', offerTitle: 'Phonics', startsAt: '2030-01-01T09:00:00.000Z', timeZone: 'Europe/London' },
});

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('migrations', () => {
  it('the first open creates the file, its folder and the schema, in WAL mode', async () => {
    await open();
    const tables = inspect<{ name: string }>("select name from sqlite_master where type = 'table'").map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['schools', 'channels', 'school_members', 'addresses', 'offers', 'signups', 'offer_cards', 'outbox']),
    );
    expect(inspect<{ journal_mode: string }>('pragma journal_mode')[0]?.journal_mode).toBe('wal');
  });

  it('re-opening runs no migration twice and keeps the data', async () => {
    const first = await withSchool();
    const offer = await insertOffer(first);
    await close(first);

    const again = await open();
    expect(await again.offers.findOffer(offer.id)).toEqual(offer);
    const migrations = inspect<{ name: string }>('select name from kysely_migration');
    expect(migrations.map((m) => m.name)).toEqual(['0001_offers_and_signups']);
  });

  // Matched by code, not with toThrow: when another test file in the same Jest worker loaded better-sqlite3 first, its
  // SqliteError belongs to that file's realm and is not `instanceof Error` here, which toThrow requires.
  it('foreign keys are enforced: an offer needs its school', async () => {
    const stores = await open();
    await expect(stores.offers.transaction((tx) => tx.insertOffer(buildOffer({ schoolId: 'nowhere' })))).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
    });
  });

  it('capacity must be positive in the database too', async () => {
    const stores = await withSchool();
    await expect(insertOffer(stores, { capacity: 0 })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_CHECK' });
  });
});

describe('offers', () => {
  it('an offer round-trips with every field (dates, tags, staff facilitator)', async () => {
    const stores = await withSchool();
    const offer = buildOffer({
      title: 'Outdoor learning — “loose parts” play',
      description: 'Line one\nLine two',
      facilitator: { kind: 'staff', userId: 'aad-123', name: "Siobhan O'Neill" },
      startsAt: new Date('2031-10-26T00:30:00.000Z'),
      endsAt: new Date('2031-10-26T02:15:00.500Z'),
      signUpsCloseAt: new Date('2031-10-25T12:00:00.000Z'),
      timeZone: 'Europe/London',
      location: 'Hall',
      onlineLink: 'https://teams.microsoft.com/l/meetup-join/xyz',
      capacity: 12,
      tags: { standards: ['Professional skills and abilities'], priorities: ['Improvement in attainment, particularly in literacy and numeracy', 'Other'] },
      status: 'closed',
      createdBy: { id: 'slt-9', name: 'Dr Hamish Reid' },
      createdAt: new Date('2031-09-01T08:00:00.123Z'),
      revision: 7,
    });
    await stores.offers.transaction((tx) => tx.insertOffer(offer));

    expect(await stores.offers.findOffer(offer.id)).toEqual(offer);
    expect(await stores.offers.transaction((tx) => tx.lockOffer(offer.id))).toEqual(offer);
  });

  it('an external facilitator and no location round-trip', async () => {
    const stores = await withSchool();
    const offer = await insertOffer(stores, { facilitator: { kind: 'external', name: 'Education Scotland' }, location: null, onlineLink: 'https://x.test' });
    expect(await stores.offers.findOffer(offer.id)).toEqual(offer);
  });

  it('an unknown offer is undefined', async () => {
    const stores = await open();
    expect(await stores.offers.findOffer('offer-missing')).toBeUndefined();
    expect(await stores.offers.transaction((tx) => tx.lockOffer('offer-missing'))).toBeUndefined();
  });

  it('raiseRevision adds one each time', async () => {
    const stores = await withSchool();
    const offer = await insertOffer(stores);
    await stores.offers.transaction(async (tx) => {
      await tx.raiseRevision(offer.id);
      await tx.raiseRevision(offer.id);
    });
    expect((await stores.offers.findOffer(offer.id))?.revision).toBe(3);
  });

  it('a transaction that throws writes nothing and passes the error on', async () => {
    const stores = await withSchool();
    const offer = buildOffer();
    const failure = new Error('boom');
    await expect(
      stores.offers.transaction(async (tx) => {
        await tx.insertOffer(offer);
        await tx.enqueueNotice(notice('k-rolled-back'), testNow);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await stores.offers.findOffer(offer.id)).toBeUndefined();
    expect(await stores.outbox.claimDue(shift(new Date(), { hours: 1 }), 10, 1_000)).toEqual([]);
    // The connection is usable again afterwards (the transaction was rolled back, not left open).
    await insertOffer(stores);
  });
});

describe('sign-ups', () => {
  it('saving a sign-up again updates the one row for that person on that offer', async () => {
    const stores = await withSchool();
    const offer = await insertOffer(stores);
    const first = buildSignUp({ offerId: offer.id, person: buildPerson(1), status: 'confirmed', queueNumber: 1 });
    await stores.offers.transaction((tx) => tx.saveSignUps([first]));
    const again: SignUp = {
      ...first,
      person: { id: 'person-1', name: 'Person One (renamed)' },
      status: 'waitlisted',
      queueNumber: 5,
      signedUpAt: shift(testNow, { hours: 2 }),
      updatedAt: shift(testNow, { hours: 2, ms: 1 }),
    };
    await stores.offers.transaction((tx) => tx.saveSignUps([again]));

    expect(await stores.offers.signUpsForOffer(offer.id)).toEqual([again]);
    expect(inspect('select * from signups where offer_id = ?', offer.id)).toHaveLength(1);
  });

  it('sign-ups come back in queue order, per offer', async () => {
    const stores = await withSchool();
    const offer = await insertOffer(stores);
    const other = await insertOffer(stores);
    const rows = [3, 1, 2].map((n) => buildSignUp({ offerId: offer.id, person: buildPerson(n), queueNumber: n }));
    await stores.offers.transaction(async (tx) => {
      await tx.saveSignUps(rows);
      await tx.saveSignUps([buildSignUp({ offerId: other.id, person: buildPerson(9), queueNumber: 1 })]);
    });
    const stored = await stores.offers.signUpsForOffer(offer.id);
    expect(stored.map((s) => s.person.id)).toEqual(['person-1', 'person-2', 'person-3']);
    expect(await stores.offers.transaction((tx) => tx.signUpsForOffer(offer.id))).toEqual(stored);
  });

  it("upcomingSignUpsOf lists a person's current sign-ups on offers not yet ended, soonest first", async () => {
    const stores = await withSchool();
    const now = shift(testNow, { days: 30 });
    const later = await insertOffer(stores, { startsAt: shift(now, { days: 10 }) });
    const sooner = await insertOffer(stores, { startsAt: shift(now, { days: 2 }) });
    const runningNow = await insertOffer(stores, { startsAt: shift(now, { minutes: -30 }), endsAt: shift(now, { minutes: 30 }) });
    const ended = await insertOffer(stores, { startsAt: shift(now, { days: -1 }) });
    const withdrawnFrom = await insertOffer(stores, { startsAt: shift(now, { days: 3 }) });
    const notMine = await insertOffer(stores, { startsAt: shift(now, { days: 1 }) });

    const me = buildPerson(1);
    const other = buildPerson(2);
    await stores.offers.transaction(async (tx) => {
      for (const offer of [later, sooner, runningNow, ended]) {
        await tx.saveSignUps([
          buildSignUp({ offerId: offer.id, person: other, status: 'confirmed', queueNumber: 1 }),
          buildSignUp({ offerId: offer.id, person: me, status: 'waitlisted', queueNumber: 2 }),
        ]);
      }
      await tx.saveSignUps([buildSignUp({ offerId: withdrawnFrom.id, person: me, status: 'withdrawn', queueNumber: 1 })]);
      await tx.saveSignUps([buildSignUp({ offerId: notMine.id, person: other, queueNumber: 1 })]);
    });

    const upcoming = await stores.offers.upcomingSignUpsOf(me.id, now);
    expect(upcoming.map((u) => u.offer.id)).toEqual([runningNow.id, sooner.id, later.id]);
    expect(upcoming[1]?.offer).toEqual(sooner);
    expect(upcoming[1]?.signUp).toMatchObject({ person: me, status: 'waitlisted', queueNumber: 2 });
    expect(upcoming[1]?.allSignUps.map((s) => s.person.id)).toEqual([other.id, me.id]);
    expect(await stores.offers.upcomingSignUpsOf('person-nobody', now)).toEqual([]);
  });
});

describe('schools directory', () => {
  it('a school is created, then updated in place without losing its CLPL channel', async () => {
    const stores = await open();
    await stores.schools.upsertSchool({ id: 'team-1', name: 'Glenbrae', tenantId: null });
    expect(await stores.schools.findSchool('team-1')).toEqual({ id: 'team-1', name: 'Glenbrae', tenantId: null, clplChannel: null });

    await stores.schools.setClplChannel('team-1', { id: 'channel-clpl', name: 'CLPL' });
    await stores.schools.upsertSchool({ id: 'team-1', name: 'Glenbrae Academy', tenantId: 'tenant-1' });
    expect(await stores.schools.findSchool('team-1')).toEqual({
      id: 'team-1',
      name: 'Glenbrae Academy',
      tenantId: 'tenant-1',
      clplChannel: { id: 'channel-clpl', name: 'CLPL' },
    });
    expect(await stores.schools.listSchools()).toHaveLength(1);
    expect(await stores.schools.findSchool('team-unknown')).toBeUndefined();
  });

  it('schools are listed oldest first', async () => {
    const stores = await open();
    await stores.schools.upsertSchool({ id: 'b', name: 'B', tenantId: null });
    await delay(5);
    await stores.schools.upsertSchool({ id: 'a', name: 'A', tenantId: null });
    expect((await stores.schools.listSchools()).map((s) => s.id)).toEqual(['b', 'a']);
  });

  it("channels are recorded per school, renamed on re-record, listed by name", async () => {
    const stores = await open();
    await stores.schools.upsertSchool({ id: 'team-1', name: 'One', tenantId: null });
    await stores.schools.upsertSchool({ id: 'team-2', name: 'Two', tenantId: null });
    await stores.schools.recordChannels('team-1', [
      { id: 'c-general', name: 'General' },
      { id: 'c-clpl', name: 'Staff CLPL' },
    ]);
    await stores.schools.recordChannels('team-1', [{ id: 'c-clpl', name: 'CLPL' }]);
    await stores.schools.recordChannels('team-2', [{ id: 'c-other', name: 'Another' }]);

    expect(await stores.schools.listChannels('team-1')).toEqual([
      { id: 'c-clpl', name: 'CLPL' },
      { id: 'c-general', name: 'General' },
    ]);
    expect(await stores.schools.listChannels('team-2')).toEqual([{ id: 'c-other', name: 'Another' }]);
    expect(await stores.schools.listChannels('team-3')).toEqual([]);
  });

  it('the CLPL channel can be changed', async () => {
    const stores = await open();
    await stores.schools.upsertSchool({ id: 'team-1', name: 'One', tenantId: null });
    await stores.schools.setClplChannel('team-1', { id: 'c-1', name: 'First' });
    await stores.schools.setClplChannel('team-1', { id: 'c-2', name: 'Second' });
    expect((await stores.schools.findSchool('team-1'))?.clplChannel).toEqual({ id: 'c-2', name: 'Second' });
  });

  it("a school's members are listed by name, once each, with their latest name", async () => {
    const stores = await open();
    await stores.schools.upsertSchool({ id: 'team-1', name: 'One', tenantId: null });
    await stores.schools.upsertSchool({ id: 'team-2', name: 'Two', tenantId: null });
    await stores.schools.recordMember('team-1', { id: 'p-z', name: 'Zara Hughes' });
    await stores.schools.recordMember('team-1', { id: 'p-a', name: 'Alan Brodie' });
    await stores.schools.recordMember('team-1', { id: 'p-z', name: 'Ailsa Hughes' });
    await stores.schools.recordMember('team-2', { id: 'p-x', name: 'Xander Moir' });

    expect(await stores.schools.listMembers('team-1')).toEqual([
      { id: 'p-z', name: 'Ailsa Hughes' },
      { id: 'p-a', name: 'Alan Brodie' },
    ]);
    expect(await stores.schools.listMembers('team-3')).toEqual([]);
  });

  it('schoolsOf lists the schools a person was seen in, most recently seen first', async () => {
    const stores = await open();
    for (const id of ['team-1', 'team-2', 'team-3']) await stores.schools.upsertSchool({ id, name: id, tenantId: null });
    await stores.schools.recordMember('team-1', buildPerson(1));
    await delay(5);
    await stores.schools.recordMember('team-2', buildPerson(1));
    await stores.schools.recordMember('team-3', buildPerson(2));
    expect((await stores.schools.schoolsOf('person-1')).map((s) => s.id)).toEqual(['team-2', 'team-1']);

    await delay(5);
    await stores.schools.recordMember('team-1', { id: 'person-1', name: 'Renamed' });
    expect((await stores.schools.schoolsOf('person-1')).map((s) => s.id)).toEqual(['team-1', 'team-2']);
    expect(inspect('select * from school_members where person_id = ?', 'person-1')).toHaveLength(2);
    expect(await stores.schools.schoolsOf('person-nobody')).toEqual([]);
  });
});

describe('address book', () => {
  it('stores, overwrites and finds addresses; people and channels do not collide', async () => {
    const stores = await open();
    await stores.addresses.save({ kind: 'person', personId: 'x' }, 'person-address-1');
    await stores.addresses.save({ kind: 'channel', channelId: 'x' }, 'channel-address');
    await stores.addresses.save({ kind: 'person', personId: 'x' }, 'person-address-2');

    expect(await stores.addresses.find({ kind: 'person', personId: 'x' })).toBe('person-address-2');
    expect(await stores.addresses.find({ kind: 'channel', channelId: 'x' })).toBe('channel-address');
    expect(await stores.addresses.find({ kind: 'person', personId: 'y' })).toBeUndefined();
  });
});

describe('offer card ledger', () => {
  async function postedOffer() {
    const stores = await withSchool();
    const offer = await insertOffer(stores);
    await stores.offerCards.recordPosted({ offerId: offer.id, conversationId: 'c-clpl', activityId: 'act-1' }, offer.revision);
    return { stores, offer };
  }

  const raise = (stores: Stores, offerId: string, times = 1) =>
    stores.offers.transaction(async (tx) => {
      for (let i = 0; i < times; i++) await tx.raiseRevision(offerId);
    });

  it('a posted card is found again by its offer', async () => {
    const { stores, offer } = await postedOffer();
    expect(await stores.offerCards.findPosted(offer.id)).toEqual({ offerId: offer.id, conversationId: 'c-clpl', activityId: 'act-1' });
    expect(await stores.offerCards.findPosted('offer-unposted')).toBeUndefined();
  });

  it('a card is stale once its offer changes, and fresh again once shown', async () => {
    const { stores, offer } = await postedOffer();
    expect(await stores.offerCards.staleCards(10)).toEqual([]);

    await raise(stores, offer.id);
    expect(await stores.offerCards.staleCards(10)).toEqual([{ offerId: offer.id, conversationId: 'c-clpl', activityId: 'act-1', revision: 2 }]);

    await stores.offerCards.markShown(offer.id, 2);
    expect(await stores.offerCards.staleCards(10)).toEqual([]);
  });

  it('markShown never lowers the shown revision (a slow, older update finishing late)', async () => {
    const { stores, offer } = await postedOffer();
    await raise(stores, offer.id, 2); // revision 3
    await stores.offerCards.markShown(offer.id, 3);
    await stores.offerCards.markShown(offer.id, 2);
    expect(await stores.offerCards.staleCards(10)).toEqual([]);
    expect(inspect<{ shown_revision: number }>('select shown_revision from offer_cards')[0]?.shown_revision).toBe(3);
  });

  it('staleCards returns at most the limit', async () => {
    const stores = await withSchool();
    for (let i = 0; i < 3; i++) {
      const offer = await insertOffer(stores);
      await stores.offerCards.recordPosted({ offerId: offer.id, conversationId: 'c', activityId: `a-${i}` }, 1);
      await raise(stores, offer.id);
    }
    expect(await stores.offerCards.staleCards(2)).toHaveLength(2);
    expect(await stores.offerCards.staleCards(10)).toHaveLength(3);
  });
});

describe('outbox', () => {
  const lease = 60_000;

  async function enqueued(...keys: string[]): Promise<Stores> {
    const stores = await open();
    await stores.offers.transaction(async (tx) => {
      for (const key of keys) await tx.enqueueNotice(notice(key, `recipient-${key}`), testNow);
    });
    return stores;
  }

  it('a notice is queued once per idempotency key', async () => {
    const stores = await enqueued('k1', 'k2', 'k1');
    await stores.offers.transaction((tx) => tx.enqueueNotice(notice('k2'), testNow));
    const claimed = await stores.outbox.claimDue(shift(new Date(), { ms: 1_000 }), 10, lease);
    expect(claimed.map((n) => n.idempotencyKey)).toEqual(['k1', 'k2']);
    expect(claimed[0]).toEqual({ ...notice('k1', 'recipient-k1'), id: expect.any(Number), attempts: 1 });
  });

  it('queuing a notice again after it was sent does not send it again', async () => {
    const stores = await enqueued('k1');
    const now = shift(new Date(), { minutes: 1 });
    const [claimed] = await stores.outbox.claimDue(now, 10, lease);
    await stores.outbox.markSent(claimed!.id, now);
    await stores.offers.transaction((tx) => tx.enqueueNotice(notice('k1', 'recipient-k1'), testNow));
    expect(await stores.outbox.claimDue(shift(now, { days: 1 }), 10, lease)).toEqual([]);
    expect(inspect('select status from outbox')).toEqual([{ status: 'sent' }]);
  });

  it('a claimed notice is leased: a second claim gets nothing until the lease ends', async () => {
    const stores = await enqueued('k1');
    const now = shift(new Date(), { minutes: 1 });
    const [first] = await stores.outbox.claimDue(now, 10, lease);
    expect(first?.attempts).toBe(1);

    expect(await stores.outbox.claimDue(now, 10, lease)).toEqual([]);
    expect(await stores.outbox.claimDue(shift(now, { ms: lease - 1 }), 10, lease)).toEqual([]);

    const again = await stores.outbox.claimDue(shift(now, { ms: lease }), 10, lease);
    expect(again).toEqual([{ ...first, attempts: 2 }]);
  });

  it('claims at most the limit, oldest first', async () => {
    const stores = await enqueued('k1', 'k2', 'k3');
    const now = shift(new Date(), { minutes: 1 });
    expect((await stores.outbox.claimDue(now, 2, lease)).map((n) => n.idempotencyKey)).toEqual(['k1', 'k2']);
    expect((await stores.outbox.claimDue(now, 2, lease)).map((n) => n.idempotencyKey)).toEqual(['k3']);
  });

  it('a sent notice is never claimed again', async () => {
    const stores = await enqueued('k1');
    const now = shift(new Date(), { minutes: 1 });
    const [claimed] = await stores.outbox.claimDue(now, 10, lease);
    await stores.outbox.markSent(claimed!.id, now);
    expect(await stores.outbox.claimDue(shift(now, { days: 1 }), 10, lease)).toEqual([]);
    expect(inspect('select status, sent_at, last_error from outbox')).toEqual([
      { status: 'sent', sent_at: now.toISOString(), last_error: null },
    ]);
  });

  it('an undeliverable notice is kept with its reason and never claimed again', async () => {
    const stores = await enqueued('k1');
    const now = shift(new Date(), { minutes: 1 });
    const [claimed] = await stores.outbox.claimDue(now, 10, lease);
    await stores.outbox.markUndeliverable(claimed!.id, 'no 1:1 conversation', now);
    expect(await stores.outbox.claimDue(shift(now, { days: 1 }), 10, lease)).toEqual([]);
    expect(inspect('select status, last_error from outbox')).toEqual([{ status: 'undeliverable', last_error: 'no 1:1 conversation' }]);
  });

  it('a notice to retry later is claimable again from that time, not before', async () => {
    const stores = await enqueued('k1');
    const now = shift(new Date(), { minutes: 1 });
    const [claimed] = await stores.outbox.claimDue(now, 10, lease);
    const retryAt = shift(now, { minutes: 5 });
    await stores.outbox.retryLater(claimed!.id, 'throttled', retryAt);

    expect(await stores.outbox.claimDue(shift(retryAt, { ms: -1 }), 10, lease)).toEqual([]);
    expect(await stores.outbox.claimDue(retryAt, 10, lease)).toEqual([{ ...claimed, attempts: 2 }]);
    expect(inspect('select last_error from outbox')).toEqual([{ last_error: 'throttled' }]);
  });
});

describe('concurrency', () => {
  it('200 concurrent sign-ups for 20 seats: exactly 20 confirmed, 180 waitlisted in distinct places, no errors', async () => {
    const stores = await withSchool();
    const offer = await insertOffer(stores, { capacity: 20 });
    const deps = buildDependencies(stores);
    const people = Array.from({ length: 200 }, (_, i) => buildPerson(i + 1));

    const results = await Promise.allSettled(people.map((person) => signUp(deps, { offerId: offer.id, person })));

    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const views = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(views.filter((v) => v.standing.kind === 'confirmed')).toHaveLength(20);
    const positions = views.flatMap((v) => (v.standing.kind === 'waitlisted' ? [v.standing.position] : []));
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));

    const stored = await stores.offers.signUpsForOffer(offer.id);
    expect(stored).toHaveLength(200);
    expect(stored.filter((s) => s.status === 'confirmed')).toHaveLength(20);
    expect(stored.filter((s) => s.status === 'waitlisted')).toHaveLength(180);
    expect(new Set(stored.map((s) => s.queueNumber)).size).toBe(200);
    // Confirmed seats went to the first 20 in the queue.
    expect(stored.slice(0, 20).every((s) => s.status === 'confirmed')).toBe(true);
    expect((await stores.offers.findOffer(offer.id))?.revision).toBe(201);
    expect(deps.afterCommit.changedOffers).toHaveLength(200);
  });

  it('concurrent withdrawals promote the first waiting, as many as seats freed, each with one notice', async () => {
    const stores = await withSchool();
    const offer = await insertOffer(stores, { capacity: 20 });
    const deps = buildDependencies(stores);
    const people = Array.from({ length: 40 }, (_, i) => buildPerson(i + 1));
    for (const person of people) await signUp(deps, { offerId: offer.id, person });

    // Ten seat holders and the last five waiting leave at once, while ten more people sign up.
    const leaving = [...people.slice(0, 10), ...people.slice(35)];
    const arriving = Array.from({ length: 10 }, (_, i) => buildPerson(100 + i));
    await Promise.all([
      ...leaving.map((p) => withdraw(deps, { offerId: offer.id, personId: p.id })),
      ...arriving.map((person) => signUp(deps, { offerId: offer.id, person })),
    ]);

    const stored = await stores.offers.signUpsForOffer(offer.id);
    const confirmed = stored.filter((s) => s.status === 'confirmed');
    expect(confirmed).toHaveLength(20);
    // persons 11-20 kept their seats; 21-30 were first in the queue behind them.
    expect(confirmed.map((s) => s.person.id).sort()).toEqual(people.slice(10, 30).map((p) => p.id).sort());
    expect(stored.filter((s) => s.status === 'withdrawn')).toHaveLength(15);

    const notices = await stores.outbox.claimDue(shift(new Date(), { minutes: 1 }), 100, 60_000);
    expect(notices.map((n) => n.recipientId).sort()).toEqual(people.slice(20, 30).map((p) => p.id).sort());
    expect(deps.afterCommit.noticesQueuedCalls).toBeGreaterThan(0);
  });

  it('the last-seat race across two processes on the same file: 50 + 50 sign-ups for 20 seats → exactly 20 confirmed', async () => {
    const stores = await withSchool();
    const offer = await insertOffer(stores, { capacity: 20 });

    const script = resolve(__dirname, 'signUpProcess.ts');
    const repoRoot = resolve(__dirname, '../../..');
    const children = [1, 51].map((first) =>
      spawn(process.execPath, ['--import', 'tsx', script, file, offer.id, String(first), '50', '300'], { cwd: repoRoot }),
    );
    const outputs = children.map(collectOutput);
    // Both processes have their own connection open before either starts, so their sign-ups overlap.
    await Promise.all(children.map(waitForReady));
    for (const child of children) child.stdin.write('go\n');
    const results = await Promise.all(outputs);

    expect(results.map((r) => r.pid)).not.toContain(process.pid);
    const outcomes = results.flatMap((r) => r.outcomes);
    expect(outcomes.filter((o) => o.error)).toEqual([]);
    expect(outcomes).toHaveLength(100);
    expect(outcomes.filter((o) => o.standing === 'confirmed')).toHaveLength(20);
    expect(outcomes.filter((o) => o.standing === 'waitlisted')).toHaveLength(80);
    // It was a race: both processes won seats (their sign-ups interleaved rather than one running after the other).
    for (const { outcomes: own } of results) expect(own.some((o) => o.standing === 'confirmed')).toBe(true);

    const stored = await stores.offers.signUpsForOffer(offer.id);
    expect(stored).toHaveLength(100);
    expect(stored.filter((s) => s.status === 'confirmed')).toHaveLength(20);
    expect(new Set(stored.map((s) => s.queueNumber)).size).toBe(100);
    expect(stored.slice(0, 20).every((s) => s.status === 'confirmed')).toBe(true);
  }, 60_000);
});

function waitForReady(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('ready\n')) {
        child.stdout.off('data', onData);
        resolveReady();
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`sign-up process exited early (${code})`)));
  });
}

function collectOutput(child: ChildProcessWithoutNullStreams): Promise<SignUpProcessResult> {
  return new Promise((resolveResult, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`sign-up process failed (${code}): ${stderr}`));
      else resolveResult(JSON.parse(line) as SignUpProcessResult);
    });
  });
}

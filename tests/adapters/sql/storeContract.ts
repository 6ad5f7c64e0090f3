import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { signUp } from '../../../bot/app/signUp';
import { withdraw } from '../../../bot/app/withdraw';
import { Offer } from '../../../bot/domain/offer';
import { pictureOf, SignUp } from '../../../bot/domain/signUp';
import { NewNotice } from '../../../bot/ports/outbox';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies } from '../../factories/dependencies';
import { buildOffer, buildPerson, buildSignUp, schoolId, shift, testNow } from '../../factories/offers';
import type { SignUpProcessResult } from './signUpProcess';
import { describeEvidenceContract } from './evidenceContract';
import { describeFollowUpContract } from './followUpContract';
import { describeLearningShareContract } from './learningShareContract';
import { describeReflectionContract } from './reflectionContract';
import { describeGoalStoreContract } from './goalStoreContract';
import { describeOfferChangesContract } from './offerChangesContract';
import { describeProposalContract } from './proposalContract';
import { describeProgrammeImportContract } from './programmeImportContract';
import { describeWorkPatternContract } from './workPatternContract';
import { describeErasureContract } from './erasureContract';
import { describePeerObservationContract } from './peerObservationContract';
import { describeGroupOfferContract } from './groupOfferContract';
import { describeApprovalContract } from './approvalContract';
import { describePersonalDataContract } from './subjectAccessContract';
import { describeSchoolGroupContract } from './schoolGroupContract';
import { describeSendSlotContract } from './sendSlotContract';

/**
 * The store contract: what every implementation of the ports in bot/ports/ must do, declared once and run unchanged
 * against each database the app supports (tests/adapters/sqlite/ and tests/adapters/postgres/). A harness says how
 * to get a fresh database for one test and how to look inside it; everything else goes through the stores.
 */
export interface StoreHarness {
  /** Prepares a fresh, empty database for one test. */
  setUp(): Promise<void>;
  /** Removes it again; every store opened on it has been closed by then. */
  tearDown(): Promise<void>;
  /** Opens the app's stores on this test's database (each call is a new connection to the same data). */
  open(): Promise<Stores>;
  /** Reads the database directly, outside the stores, as an operator would with its shell; `?` placeholders. */
  inspect<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]>;
  /** Writes directly, outside the stores (seeding raw rows, creating a trigger); `?` placeholders. */
  execute(statement: string, ...params: unknown[]): Promise<void>;
  /** Makes every later delete from the table fail with "disk on fire" (a crash half way through a transaction). */
  breakDeletesOn(table: string): Promise<void>;
  /** The names of the tables in this test's database. */
  tables(): Promise<string[]>;
  /** How another process opens the same database: a PostgreSQL URL or a SQLite file (see signUpProcess.ts). */
  location(): string;
  /** What the driver's error for a violated constraint looks like (matched with toMatchObject). */
  constraintErrors: { foreignKey: object; check: object };
}

export interface StoreFixture {
  open(): Promise<Stores>;
  close(stores: Stores): Promise<void>;
  inspect<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]>;
  location(): string;
  /** Stores with the factories' school in them. */
  withSchool(): Promise<Stores>;
  insertOffer(stores: Stores, overrides?: Partial<Offer>): Promise<Offer>;
}

/**
 * Gives each test in the enclosing `describe` a fresh database from the harness and closes whatever the test opened
 * before the database is removed. Returns the helpers the tests use; call it once, at the top of the describe.
 */
export function useStoreFixture(harness: StoreHarness): StoreFixture {
  let opened: Stores[] = [];

  beforeEach(() => harness.setUp());

  afterEach(async () => {
    const closing = opened;
    opened = [];
    try {
      await Promise.all(closing.map((s) => s.close()));
    } finally {
      await harness.tearDown();
    }
  });

  const fixture: StoreFixture = {
    async open() {
      const stores = await harness.open();
      opened.push(stores);
      return stores;
    },
    async close(stores) {
      opened = opened.filter((s) => s !== stores);
      await stores.close();
    },
    inspect: (query, ...params) => harness.inspect(query, ...params),
    location: () => harness.location(),
    async withSchool() {
      const stores = await fixture.open();
      await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: 'tenant-1' });
      return stores;
    },
    async insertOffer(stores, overrides = {}) {
      const offer = buildOffer(overrides);
      await stores.offers.transaction((tx) => tx.insertOffer(offer));
      return offer;
    },
  };
  return fixture;
}

const notice = (key: string, recipientId = 'person-1'): NewNotice => ({
  idempotencyKey: key,
  schoolId,
  recipientId,
  notice: { kind: 'waitlist_promotion', offerId: 'offer-1', offerTitle: 'Phonics', startsAt: '2030-01-01T09:00:00.000Z', timeZone: 'Europe/London' },
});

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Declares the whole contract in the enclosing `describe`, using a fixture from `useStoreFixture`. */
export function describeStoreContract(harness: StoreHarness, db: StoreFixture): void {
  describeGoalStoreContract(db);
  describeOfferChangesContract(db);
  describeProposalContract(db);
  describeProgrammeImportContract(db);
  describeWorkPatternContract(db);
  describeSchoolGroupContract(db);
  describeErasureContract(harness, db);
  describePeerObservationContract(db);
  describeGroupOfferContract(db);
  describeApprovalContract(db);
  describeSendSlotContract(db);
  describe('migrations', () => {
    it('the first open creates the schema', async () => {
      await db.open();
      expect(await harness.tables()).toEqual(
        expect.arrayContaining(['schools', 'channels', 'school_members', 'addresses', 'offers', 'signups', 'offer_cards', 'outbox']),
      );
    });

    it('re-opening runs no migration twice and keeps the data', async () => {
      const first = await db.withSchool();
      const offer = await db.insertOffer(first);
      await db.close(first);
      const migrated = (await db.inspect<{ name: string }>('select name from kysely_migration order by name')).map((m) => m.name);

      const again = await db.open();
      expect(await again.offers.findOffer(offer.id)).toEqual(offer);
      const migrations = (await db.inspect<{ name: string }>('select name from kysely_migration order by name')).map((m) => m.name);
      // Migrations are append-only, so the list grows; what matters is that re-opening ran none of them again.
      expect(migrations[0]).toBe('0001_offers_and_signups');
      expect(new Set(migrations).size).toBe(migrations.length);
      expect(migrations).toEqual(migrated);
    });

    // Matched by code, not with toThrow: when another test file in the same Jest worker loaded better-sqlite3 first, its
    // SqliteError belongs to that file's realm and is not `instanceof Error` here, which toThrow requires.
    it('foreign keys are enforced: an offer needs its school', async () => {
      const stores = await db.open();
      await expect(stores.offers.transaction((tx) => tx.insertOffer(buildOffer({ schoolId: 'nowhere' })))).rejects.toMatchObject(
        harness.constraintErrors.foreignKey,
      );
    });

    it('capacity must be positive in the database too', async () => {
      const stores = await db.withSchool();
      await expect(db.insertOffer(stores, { capacity: 0 })).rejects.toMatchObject(harness.constraintErrors.check);
    });
  });

  describe('offers', () => {
    it('an offer round-trips with every field (dates, tags, staff facilitator)', async () => {
      const stores = await db.withSchool();
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
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { facilitator: { kind: 'external', name: 'Education Scotland' }, location: null, onlineLink: 'https://x.test' });
      expect(await stores.offers.findOffer(offer.id)).toEqual(offer);
    });

    it('an unknown offer is undefined', async () => {
      const stores = await db.open();
      expect(await stores.offers.findOffer('offer-missing')).toBeUndefined();
      expect(await stores.offers.transaction((tx) => tx.lockOffer('offer-missing'))).toBeUndefined();
    });

    it('raiseRevision adds one each time', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores);
      await stores.offers.transaction(async (tx) => {
        await tx.raiseRevision(offer.id);
        await tx.raiseRevision(offer.id);
      });
      expect((await stores.offers.findOffer(offer.id))?.revision).toBe(3);
    });

    it('a transaction that throws writes nothing and passes the error on', async () => {
      const stores = await db.withSchool();
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
      await db.insertOffer(stores);
    });
  });

  describe('sign-ups', () => {
    it('saving a sign-up again updates the one row for that person on that offer', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores);
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
      expect(await db.inspect('select * from signups where offer_id = ?', offer.id)).toHaveLength(1);
    });

    it('sign-ups come back in queue order, per offer', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores);
      const other = await db.insertOffer(stores);
      const rows = [3, 1, 2].map((n) => buildSignUp({ offerId: offer.id, person: buildPerson(n), queueNumber: n }));
      await stores.offers.transaction(async (tx) => {
        await tx.saveSignUps(rows);
        await tx.saveSignUps([buildSignUp({ offerId: other.id, person: buildPerson(9), queueNumber: 1 })]);
      });
      const stored = await stores.offers.signUpsForOffer(offer.id);
      expect(stored.map((s) => s.person.id)).toEqual(['person-1', 'person-2', 'person-3']);
      expect(await stores.offers.transaction((tx) => tx.signUpsForOffer(offer.id))).toEqual(stored);
    });

    it('the seat picture inside a transaction agrees with the rows: counts, last queue number, own row and who is ahead', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 2 });
      const rows = [
        buildSignUp({ offerId: offer.id, person: buildPerson(1), status: 'confirmed', queueNumber: 1 }),
        buildSignUp({ offerId: offer.id, person: buildPerson(2), status: 'withdrawn', queueNumber: 2 }),
        buildSignUp({ offerId: offer.id, person: buildPerson(3), status: 'confirmed', queueNumber: 3 }),
        buildSignUp({ offerId: offer.id, person: buildPerson(4), status: 'waitlisted', queueNumber: 4 }),
        buildSignUp({ offerId: offer.id, person: buildPerson(5), status: 'waitlisted', queueNumber: 7 }),
      ];
      await stores.offers.transaction((tx) => tx.saveSignUps(rows));
      const stored = await stores.offers.signUpsForOffer(offer.id);
      for (const personId of ['person-1', 'person-2', 'person-5', 'person-9']) {
        expect(await stores.offers.transaction((tx) => tx.seatPicture(offer.id, personId))).toEqual(pictureOf(stored, personId));
      }
      expect(await stores.offers.transaction((tx) => tx.seatPicture(offer.id, 'person-5'))).toMatchObject({ confirmed: 2, waitlisted: 2, lastQueueNumber: 7, waitlistedAhead: 1 });
      const empty = await db.insertOffer(stores);
      expect(await stores.offers.transaction((tx) => tx.seatPicture(empty.id, 'person-1'))).toEqual({ confirmed: 0, awaiting: 0, waitlisted: 0, lastQueueNumber: 0, own: null, waitlistedAhead: 0, schoolHeld: 0 });
    });

    it('lockSeatPicture gives the offer with the seat picture read under its lock; an unknown offer gives nothing', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 1 });
      const rows = [
        buildSignUp({ offerId: offer.id, person: buildPerson(1), status: 'confirmed', queueNumber: 1 }),
        buildSignUp({ offerId: offer.id, person: buildPerson(2), status: 'waitlisted', queueNumber: 2 }),
      ];
      await stores.offers.transaction((tx) => tx.saveSignUps(rows));
      const stored = await stores.offers.signUpsForOffer(offer.id);

      const locked = await stores.offers.transaction((tx) => tx.lockSeatPicture(offer.id, 'person-2'));
      expect(locked).toEqual({ offer, picture: pictureOf(stored, 'person-2') });
      expect(await stores.offers.transaction((tx) => tx.lockSeatPicture('no-such-offer', 'person-2'))).toBeUndefined();
    });

    it('saveSignUpsRaisingRevision saves the sign-ups and raises the revision once, for one sign-up or several', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores);
      const first = buildSignUp({ offerId: offer.id, person: buildPerson(1), status: 'confirmed', queueNumber: 1 });
      await stores.offers.transaction((tx) => tx.saveSignUpsRaisingRevision(offer.id, [first]));
      expect(await stores.offers.signUpsForOffer(offer.id)).toEqual([first]);
      expect((await stores.offers.findOffer(offer.id))?.revision).toBe(2);

      const moved = { ...first, status: 'withdrawn' as const, updatedAt: shift(testNow, { hours: 1 }) };
      const second = buildSignUp({ offerId: offer.id, person: buildPerson(2), status: 'confirmed', queueNumber: 2 });
      await stores.offers.transaction((tx) => tx.saveSignUpsRaisingRevision(offer.id, [moved, second]));
      expect(await stores.offers.signUpsForOffer(offer.id)).toEqual([moved, second]);
      expect((await stores.offers.findOffer(offer.id))?.revision).toBe(3);
    });

    it('a write that fails fails its transaction with its own error, even when later statements were already sent, and nothing is kept', async () => {
      const stores = await db.withSchool();
      const offer = buildOffer();
      const orphan = buildSignUp({ offerId: 'no-such-offer', person: buildPerson(1), queueNumber: 1 });
      await expect(
        stores.offers.transaction(async (tx) => {
          await tx.insertOffer(offer);
          await tx.saveSignUps([orphan]);
          await tx.raiseRevision(offer.id);
          return tx.signUpsForOffer(offer.id);
        }),
      ).rejects.toMatchObject(harness.constraintErrors.foreignKey);
      expect(await stores.offers.findOffer(offer.id)).toBeUndefined();
      // The connection is usable again afterwards.
      await db.insertOffer(stores);
    });

    it("upcomingSignUpsOf lists a person's current sign-ups on offers not yet ended, soonest first", async () => {
      const stores = await db.withSchool();
      const now = shift(testNow, { days: 30 });
      const later = await db.insertOffer(stores, { startsAt: shift(now, { days: 10 }) });
      const sooner = await db.insertOffer(stores, { startsAt: shift(now, { days: 2 }) });
      const runningNow = await db.insertOffer(stores, { startsAt: shift(now, { minutes: -30 }), endsAt: shift(now, { minutes: 30 }) });
      const ended = await db.insertOffer(stores, { startsAt: shift(now, { days: -1 }) });
      const withdrawnFrom = await db.insertOffer(stores, { startsAt: shift(now, { days: 3 }) });
      const notMine = await db.insertOffer(stores, { startsAt: shift(now, { days: 1 }) });

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
      const stores = await db.open();
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
      const stores = await db.open();
      await stores.schools.upsertSchool({ id: 'b', name: 'B', tenantId: null });
      await delay(5);
      await stores.schools.upsertSchool({ id: 'a', name: 'A', tenantId: null });
      expect((await stores.schools.listSchools()).map((s) => s.id)).toEqual(['b', 'a']);
    });

    it("channels are recorded per school, renamed on re-record, listed by name", async () => {
      const stores = await db.open();
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
      const stores = await db.open();
      await stores.schools.upsertSchool({ id: 'team-1', name: 'One', tenantId: null });
      await stores.schools.setClplChannel('team-1', { id: 'c-1', name: 'First' });
      await stores.schools.setClplChannel('team-1', { id: 'c-2', name: 'Second' });
      expect((await stores.schools.findSchool('team-1'))?.clplChannel).toEqual({ id: 'c-2', name: 'Second' });
    });

    it("a school's members are listed by name, once each, with their latest name", async () => {
      const stores = await db.open();
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

    it('members found in the directory by email keep the name Teams gave, and do not become the school last seen in', async () => {
      const stores = await db.open();
      for (const id of ['team-1', 'team-2']) await stores.schools.upsertSchool({ id, name: id, tenantId: null });
      await stores.schools.recordMember('team-1', { id: 'p-a', name: 'Alan Brodie' });
      await stores.schools.recordMember('team-2', { id: 'p-n', name: 'Nia Rowe' });
      await stores.schools.recordMembersFromDirectory('team-1', [
        { id: 'p-a', name: 'BRODIE, Alan', email: 'Alan.Brodie@School.scot ' },
        { id: 'p-n', name: 'ROWE, Nia', email: 'nia.rowe@school.scot' },
      ]);
      // A later sighting by Teams updates the name and keeps the email.
      await stores.schools.recordMember('team-1', { id: 'p-a', name: 'Alan Brodie-Smith' });

      expect(await stores.schools.listMembersWithEmails('team-1')).toEqual([
        { id: 'p-a', name: 'Alan Brodie-Smith', email: 'alan.brodie@school.scot' },
        { id: 'p-n', name: 'ROWE, Nia', email: 'nia.rowe@school.scot' },
      ]);
      expect((await stores.schools.schoolsOf('p-n')).map((s) => s.id)).toEqual(['team-2', 'team-1']);
    });

    it('a whole team roster is recorded in grouped writes, a person listed twice once, without moving anyone\'s last-seen school', async () => {
      const stores = await db.open();
      for (const id of ['team-1', 'team-2']) await stores.schools.upsertSchool({ id, name: id, tenantId: null });
      await stores.schools.recordMember('team-2', { id: 'p-7', name: 'Seen Elsewhere' });
      const roster = Array.from({ length: 1201 }, (_, i) => ({ id: `p-${i}`, name: `Staff ${i}`, email: `Staff.${i}@school.scot` }));
      await stores.schools.recordMembersFromDirectory('team-1', [...roster, { id: 'p-3', name: 'Staff 3', email: 'staff.3@new.scot' }]);
      await stores.schools.recordMembersFromDirectory('team-1', []);

      const members = await stores.schools.listMembersWithEmails('team-1');
      expect(members).toHaveLength(1201);
      expect(members.find((m) => m.id === 'p-3')?.email).toBe('staff.3@new.scot');
      expect(members.find((m) => m.id === 'p-1200')?.email).toBe('staff.1200@school.scot');
      expect((await stores.schools.schoolsOf('p-7')).map((s) => s.id)).toEqual(['team-2', 'team-1']);
    });

    it('several members are recorded in one write; a person listed twice keeps the last name, and emails stay', async () => {
      const stores = await db.open();
      await stores.schools.upsertSchool({ id: 'team-1', name: 'One', tenantId: null });
      await stores.schools.recordMember('team-1', { id: 'p-a', name: 'Alan Brodie', email: 'alan.brodie@school.scot' });
      await stores.schools.recordMembers([
        { schoolId: 'team-1', person: { id: 'p-z', name: 'Zara Hughes' } },
        { schoolId: 'team-1', person: { id: 'p-a', name: 'Alan Brodie-Moir' } },
        { schoolId: 'team-1', person: { id: 'p-z', name: 'Ailsa Hughes' } },
      ]);
      await stores.schools.recordMembers([]);
      expect(await stores.schools.listMembers('team-1')).toEqual([
        { id: 'p-z', name: 'Ailsa Hughes' },
        { id: 'p-a', name: 'Alan Brodie-Moir' },
      ]);
      expect((await stores.schools.listMembersWithEmails('team-1')).find((m) => m.id === 'p-a')?.email).toBe('alan.brodie@school.scot');
    });

    it('schoolsOf lists the schools a person was seen in, most recently seen first', async () => {
      const stores = await db.open();
      for (const id of ['team-1', 'team-2', 'team-3']) await stores.schools.upsertSchool({ id, name: id, tenantId: null });
      await stores.schools.recordMember('team-1', buildPerson(1));
      await delay(5);
      await stores.schools.recordMember('team-2', buildPerson(1));
      await stores.schools.recordMember('team-3', buildPerson(2));
      expect((await stores.schools.schoolsOf('person-1')).map((s) => s.id)).toEqual(['team-2', 'team-1']);

      await delay(5);
      await stores.schools.recordMember('team-1', { id: 'person-1', name: 'Renamed' });
      expect((await stores.schools.schoolsOf('person-1')).map((s) => s.id)).toEqual(['team-1', 'team-2']);
      expect(await db.inspect('select * from school_members where person_id = ?', 'person-1')).toHaveLength(2);
      expect(await stores.schools.schoolsOf('person-nobody')).toEqual([]);
    });
  });

  describe('address book', () => {
    it('stores, overwrites and finds addresses; people and channels do not collide', async () => {
      const stores = await db.open();
      await stores.addresses.save({ kind: 'person', personId: 'x' }, 'person-address-1');
      await stores.addresses.save({ kind: 'channel', channelId: 'x' }, 'channel-address');
      await stores.addresses.save({ kind: 'person', personId: 'x' }, 'person-address-2');

      expect(await stores.addresses.find({ kind: 'person', personId: 'x' })).toBe('person-address-2');
      expect(await stores.addresses.find({ kind: 'channel', channelId: 'x' })).toBe('channel-address');
      expect(await stores.addresses.find({ kind: 'person', personId: 'y' })).toBeUndefined();
    });

    it('saving several addresses if absent keeps every address already known and the first of duplicates', async () => {
      const stores = await db.open();
      await stores.addresses.save({ kind: 'person', personId: 'known' }, 'from-personal-chat');
      await stores.addresses.saveAllIfAbsent([
        { key: { kind: 'person', personId: 'known' }, address: 'from-team' },
        { key: { kind: 'person', personId: 'new' }, address: 'first' },
        { key: { kind: 'person', personId: 'new' }, address: 'second' },
      ]);
      await stores.addresses.saveAllIfAbsent([]);
      expect(await stores.addresses.find({ kind: 'person', personId: 'known' })).toBe('from-personal-chat');
      expect(await stores.addresses.find({ kind: 'person', personId: 'new' })).toBe('first');
    });
  });

  describe('offer card ledger', () => {
    async function postedOffer() {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores);
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

      await stores.offerCards.markShown({ offerId: offer.id, conversationId: 'c-clpl' }, 2);
      expect(await stores.offerCards.staleCards(10)).toEqual([]);
    });

    it('markShown never lowers the shown revision (a slow, older update finishing late)', async () => {
      const { stores, offer } = await postedOffer();
      await raise(stores, offer.id, 2); // revision 3
      await stores.offerCards.markShown({ offerId: offer.id, conversationId: 'c-clpl' }, 3);
      await stores.offerCards.markShown({ offerId: offer.id, conversationId: 'c-clpl' }, 2);
      expect(await stores.offerCards.staleCards(10)).toEqual([]);
      expect((await db.inspect<{ shown_revision: number }>('select shown_revision from offer_cards'))[0]?.shown_revision).toBe(3);
    });

    it('staleCards returns at most the limit', async () => {
      const stores = await db.withSchool();
      for (let i = 0; i < 3; i++) {
        const offer = await db.insertOffer(stores);
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
      const stores = await db.open();
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
      expect(await db.inspect('select status from outbox')).toEqual([{ status: 'sent' }]);
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
      expect(await db.inspect('select status, sent_at, last_error from outbox')).toEqual([
        { status: 'sent', sent_at: now.toISOString(), last_error: null },
      ]);
    });

    it('an undeliverable notice is kept with its reason and never claimed again', async () => {
      const stores = await enqueued('k1');
      const now = shift(new Date(), { minutes: 1 });
      const [claimed] = await stores.outbox.claimDue(now, 10, lease);
      await stores.outbox.markUndeliverable(claimed!.id, 'no 1:1 conversation', now);
      expect(await stores.outbox.claimDue(shift(now, { days: 1 }), 10, lease)).toEqual([]);
      expect(await db.inspect('select status, last_error from outbox')).toEqual([{ status: 'undeliverable', last_error: 'no 1:1 conversation' }]);
    });

    it('a notice to retry later is claimable again from that time, not before', async () => {
      const stores = await enqueued('k1');
      const now = shift(new Date(), { minutes: 1 });
      const [claimed] = await stores.outbox.claimDue(now, 10, lease);
      const retryAt = shift(now, { minutes: 5 });
      await stores.outbox.retryLater(claimed!.id, 'throttled', retryAt);

      expect(await stores.outbox.claimDue(shift(retryAt, { ms: -1 }), 10, lease)).toEqual([]);
      expect(await stores.outbox.claimDue(retryAt, 10, lease)).toEqual([{ ...claimed, attempts: 2 }]);
      expect(await db.inspect('select last_error from outbox')).toEqual([{ last_error: 'throttled' }]);
    });
  });

  describeEvidenceContract(harness, db);
  describeFollowUpContract(harness, db);
  describeLearningShareContract(db);
  describeReflectionContract(db);
  describePersonalDataContract(harness, db);

  describe('concurrency', () => {
    const children: ChildProcessWithoutNullStreams[] = [];
    afterEach(() => {
      for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });

    it('200 concurrent sign-ups for 20 seats: exactly 20 confirmed, 180 waitlisted in distinct places, no errors', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 20 });
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
      // Each person was told the place they hold in the queue.
      const told = new Map(views.map((v, i) => [people[i]!.id, v.standing]));
      stored.slice(20).forEach((s, i) => expect(told.get(s.person.id)).toEqual({ kind: 'waitlisted', position: i + 1 }));
      expect((await stores.offers.findOffer(offer.id))?.revision).toBe(201);
      expect(deps.afterCommit.changedOffers).toHaveLength(200);
    });

    it('concurrent withdrawals promote the first waiting, as many as seats freed, each with one notice', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 20 });
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

    it('the last-seat race across two processes on one database: 100 + 100 sign-ups for 20 seats → exactly 20 confirmed, 180 waitlisted in order', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 20 });

      const script = resolve(__dirname, 'signUpProcess.ts');
      const repoRoot = resolve(__dirname, '../../..');
      const started = [1, 101].map((first) =>
        spawn(process.execPath, ['--import', 'tsx', script, db.location(), offer.id, String(first), '100', '300'], { cwd: repoRoot }),
      );
      children.push(...started);
      const outputs = started.map(collectOutput);
      // Both processes have their own connection open before either starts, so their sign-ups overlap.
      await Promise.all(started.map(waitForReady));
      for (const child of started) child.stdin.write('go\n');
      const results = await Promise.all(outputs);

      expect(results.map((r) => r.pid)).not.toContain(process.pid);
      const outcomes = results.flatMap((r) => r.outcomes);
      expect(outcomes.filter((o) => o.error)).toEqual([]);
      expect(outcomes).toHaveLength(200);
      expect(outcomes.filter((o) => o.standing === 'confirmed')).toHaveLength(20);
      expect(outcomes.filter((o) => o.standing === 'waitlisted')).toHaveLength(180);
      // It was a race: the two processes were signing people up at the same time, not one after the other. (Which of
      // them wins the seats depends on the machine's load, so that is not asserted.)
      const [a, b] = results.map((r) => ({ from: Math.min(...r.outcomes.map((o) => o.finishedAt)), to: Math.max(...r.outcomes.map((o) => o.finishedAt)) }));
      expect(a!.from < b!.to && b!.from < a!.to).toBe(true);

      const stored = await stores.offers.signUpsForOffer(offer.id);
      expect(stored).toHaveLength(200);
      expect(stored.filter((s) => s.status === 'confirmed')).toHaveLength(20);
      expect(new Set(stored.map((s) => s.queueNumber)).size).toBe(200);
      expect(stored.slice(0, 20).every((s) => s.status === 'confirmed')).toBe(true);
      // Each process told its people the waitlist place the database holds for them.
      const told = new Map(outcomes.map((o) => [o.personId, o]));
      stored.slice(20).forEach((s, i) => expect(told.get(s.person.id)).toMatchObject({ personId: s.person.id, standing: 'waitlisted', position: i + 1 }));
    }, 60_000);
  });
}

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

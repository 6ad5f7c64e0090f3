import fc from 'fast-check';
import { DomainError } from '../../bot/domain/errors';
import { createOffer } from '../../bot/domain/offer';
import { Offer } from '../../bot/domain/offer';
import { confirmedOf, decideSignUp, decideWithdrawal, pictureOf, promotionsOnQuotaRelease, quotaInForce, SignUp, waitlistOf } from '../../bot/domain/signUp';
import { buildOffer, buildPerson, shift, testCatalogue, testNow } from '../factories/offers';

const now = shift(testNow, { hours: 1 });
const releasesAt = shift(testNow, { days: 2 });
const afterRelease = shift(releasesAt, { minutes: 1 });

function groupOffer(overrides: Partial<Offer> = {}): Offer {
  return buildOffer({ capacity: 4, groupId: 'cluster-1', quotaPerSchool: 2, quotaReleasesAt: releasesAt, ...overrides });
}

function apply(signUps: readonly SignUp[], changes: readonly SignUp[]): SignUp[] {
  const byPerson = new Map(signUps.map((s) => [s.person.id, s]));
  for (const change of changes) byPerson.set(change.person.id, change);
  return [...byPerson.values()];
}

/** People sign up one after another, each from their school's card. */
function signUpAll(offer: Offer, from: ReadonlyArray<string>, at: Date): SignUp[] {
  let rows: SignUp[] = [];
  from.forEach((school, i) => {
    const person = buildPerson(i + 1);
    rows = apply(rows, decideSignUp(offer, pictureOf(rows, person.id, school), person, at, school).changes);
  });
  return rows;
}

const perSchool = (rows: readonly SignUp[]) => confirmedOf(rows).reduce<Record<string, number>>((n, s) => ({ ...n, [s.schoolId!]: (n[s.schoolId!] ?? 0) + 1 }), {});

describe('a group offer with places per school', () => {
  it('confirms a sign-up only while both the shared pool and the school’s quota allow', () => {
    const rows = signUpAll(groupOffer(), ['a', 'a', 'a', 'b', 'c', 'c'], now);
    expect(rows.map((s) => [s.schoolId, s.status])).toEqual([
      ['a', 'confirmed'],
      ['a', 'confirmed'],
      ['a', 'waitlisted'],
      ['b', 'confirmed'],
      ['c', 'confirmed'],
      ['c', 'waitlisted'],
    ]);
  });

  it('after the release date the quota no longer applies, but people already waiting go first', () => {
    const offer = groupOffer();
    const before = signUpAll(offer, ['a', 'a', 'a'], now); // a3 waits with two seats free
    const newcomer = buildPerson(50);
    const decision = decideSignUp(offer, pictureOf(before, newcomer.id, 'b'), newcomer, afterRelease, 'b');
    expect(decision.standing).toEqual({ kind: 'confirmed' }); // 2 free, 1 waiting: one is left over
    const afterOne = apply(before, decision.changes);
    const late = buildPerson(51);
    expect(decideSignUp(offer, pictureOf(afterOne, late.id, 'c'), late, afterRelease, 'c').standing).toEqual({ kind: 'waitlisted', position: 2 });
  });

  it('the release promotes the waitlist in queue order into the unused places', () => {
    const offer = groupOffer({ capacity: 5 });
    const rows = signUpAll(offer, ['a', 'a', 'a', 'b', 'b', 'b', 'a'], now); // a3, b6, a7 wait; one seat free
    expect(waitlistOf(rows).map((s) => s.person.id)).toEqual(['person-3', 'person-6', 'person-7']);
    expect(promotionsOnQuotaRelease(offer, rows, now)).toEqual([]);
    const promoted = promotionsOnQuotaRelease(offer, rows, afterRelease);
    expect(promoted.map((s) => [s.person.id, s.status])).toEqual([['person-3', 'confirmed']]);
    expect(promotionsOnQuotaRelease({ ...offer, status: 'cancelled' }, rows, afterRelease)).toEqual([]);
    expect(promotionsOnQuotaRelease({ ...offer, quotaPerSchool: undefined }, rows, afterRelease)).toEqual([]);
  });

  it('a withdrawal passes over people whose school has used its places, keeping their place in the queue', () => {
    const offer = groupOffer({ capacity: 3 });
    const rows = signUpAll(offer, ['a', 'a', 'b', 'a', 'c'], now); // a1 a2 b3 confirmed; a4, c5 wait
    const decision = decideWithdrawal(offer, rows, 'person-3', now);
    expect(decision.promoted.map((s) => s.person.id)).toEqual(['person-5']);
  });

  it('refuses a quota sign-up whose school is unknown, and a quota on a school’s own offer', () => {
    const offer = groupOffer();
    expect(() => decideSignUp(offer, pictureOf([], 'p'), buildPerson(1), now)).toThrow(DomainError);
    const draft = { ...buildOffer({ capacity: 10 }), startsAt: shift(testNow, { days: 7 }), endsAt: shift(testNow, { days: 7, hours: 1 }), signUpsCloseAt: shift(testNow, { days: 6 }) };
    const context = { id: 'o', schoolId: 's', author: buildPerson(9), now: testNow, catalogue: testCatalogue };
    expect(() => createOffer({ ...draft, quotaPerSchool: 3 }, context)).toThrow(DomainError);
    expect(createOffer({ ...draft, quotaPerSchool: 3, quotaReleasesAt: releasesAt }, { ...context, groupId: 'g' })).toMatchObject({ groupId: 'g', quotaPerSchool: 3 });
    expect(() => createOffer({ ...draft, quotaPerSchool: 11 }, { ...context, groupId: 'g' })).toThrow(DomainError);
  });

  it('quotaInForce holds until the release date and always without one', () => {
    expect(quotaInForce(groupOffer(), now)).toBe(true);
    expect(quotaInForce(groupOffer(), releasesAt)).toBe(false);
    expect(quotaInForce(groupOffer({ quotaReleasesAt: undefined }), afterRelease)).toBe(true);
    expect(quotaInForce(buildOffer(), now)).toBe(false);
  });

  it('property: any order of sign-ups, withdrawals and a release never exceeds the pool or (before release) a quota', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('signUp' as const), person: fc.integer({ min: 1, max: 12 }), school: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ kind: fc.constant('withdraw' as const), person: fc.integer({ min: 1, max: 12 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.array(step, { maxLength: 40 }), fc.boolean(), (capacity, quota, steps, release) => {
        const offer = groupOffer({ capacity, quotaPerSchool: Math.min(quota, capacity) });
        let rows: SignUp[] = [];
        for (const s of steps) {
          const person = buildPerson(s.person);
          const own = rows.find((r) => r.person.id === person.id);
          // As the app does: the school is the one whose card was pressed, for the picture and the decision alike (a
          // rejoin from another school's card counts against that school).
          if (s.kind === 'signUp') rows = apply(rows, decideSignUp(offer, pictureOf(rows, person.id, s.school), person, now, s.school).changes);
          else if (own && own.status !== 'withdrawn') rows = apply(rows, decideWithdrawal(offer, rows, person.id, now).changes);
          expect(confirmedOf(rows).length).toBeLessThanOrEqual(capacity);
          for (const n of Object.values(perSchool(rows))) expect(n).toBeLessThanOrEqual(offer.quotaPerSchool!);
        }
        if (release) {
          rows = apply(rows, promotionsOnQuotaRelease(offer, rows, afterRelease));
          expect(confirmedOf(rows).length).toBeLessThanOrEqual(capacity);
          // Once released, nobody waits while a seat is free.
          expect(waitlistOf(rows).length === 0 || confirmedOf(rows).length === capacity).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});


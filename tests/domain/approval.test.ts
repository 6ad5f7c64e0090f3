import fc from 'fast-check';
import { approvalDeciderRefusal, approversFor, decideApproval, decideHoldExpiry, holdExpiresAt } from '../../bot/domain/approval';
import { DomainError, DomainErrorCode } from '../../bot/domain/errors';
import { Offer, OfferDraft } from '../../bot/domain/offer';
import { decideCancellation, decideOfferEdit } from '../../bot/domain/offerChanges';
import { testCatalogue } from '../factories/offers';
import { decideSignUp, decideWithdrawal, pictureOf, seatHoldersOf, seatSummary, SignUp, standingOf, waitlistOf } from '../../bot/domain/signUp';
import { buildOffer, buildPerson, shift, testNow } from '../factories/offers';

const now = shift(testNow, { hours: 1 });
const holdMs = 72 * 3_600_000;

function apply(signUps: readonly SignUp[], changes: readonly SignUp[]): SignUp[] {
  const byPerson = new Map(signUps.map((s) => [s.person.id, s]));
  for (const change of changes) byPerson.set(change.person.id, change);
  return [...byPerson.values()];
}

/** People sign up one after another (person n from school `from[n-1]`), each decided on a fresh picture. */
function signUpAll(offer: Offer, from: readonly string[], at: Date = now): SignUp[] {
  let rows: SignUp[] = [];
  from.forEach((school, i) => {
    const person = buildPerson(i + 1);
    rows = apply(rows, decideSignUp(offer, pictureOf(rows, person.id, school), person, at, school).changes);
  });
  return rows;
}

function refusalCode(action: () => unknown): DomainErrorCode | 'none' {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'none';
}

const statuses = (rows: readonly SignUp[]) => Object.fromEntries(rows.map((s) => [s.person.id, s.status]));

describe('an offer that needs school approval', () => {
  const offer = buildOffer({ capacity: 2, needsApproval: true });

  it('holds a seat awaiting approval instead of confirming it, and the hold counts against the pool', () => {
    const rows = signUpAll(offer, ['a', 'a', 'a']);
    expect(statuses(rows)).toEqual({ 'person-1': 'awaiting_approval', 'person-2': 'awaiting_approval', 'person-3': 'waitlisted' });
    expect(seatSummary(offer, rows)).toEqual({ capacity: 2, confirmed: 0, awaiting: 2, seatsLeft: 0, waitlisted: 1 });
    expect(standingOf('person-1', rows)).toEqual({ kind: 'awaiting_approval' });
    // The decision's own seat count agrees with the rows it wrote.
    const person = buildPerson(4);
    expect(decideSignUp(offer, pictureOf(rows, person.id, 'a'), person, now, 'a').seats).toEqual({ capacity: 2, confirmed: 0, awaiting: 2, seatsLeft: 0, waitlisted: 2 });
  });

  it('signing up again while awaiting changes nothing', () => {
    const rows = signUpAll(offer, ['a']);
    const again = decideSignUp(offer, pictureOf(rows, 'person-1', 'a'), buildPerson(1), now, 'a');
    expect(again.changes).toEqual([]);
    expect(again.standing).toEqual({ kind: 'awaiting_approval' });
  });

  it('a hold uses the school’s quota on a group offer, so the school’s next person waits', () => {
    const group = buildOffer({ capacity: 4, groupId: 'cluster-1', quotaPerSchool: 1, quotaReleasesAt: shift(testNow, { days: 2 }), needsApproval: true });
    const rows = signUpAll(group, ['a', 'a', 'b']);
    expect(statuses(rows)).toEqual({ 'person-1': 'awaiting_approval', 'person-2': 'waitlisted', 'person-3': 'awaiting_approval' });
  });

  it('approval confirms the held seat and moves no one', () => {
    const rows = signUpAll(offer, ['a', 'a', 'a']);
    const decision = decideApproval(offer, rows, { personId: 'person-1', outcome: 'approved', now });
    expect(decision.decided).toMatchObject({ status: 'confirmed', queueNumber: 1 });
    expect(decision.promoted).toEqual([]);
    expect(seatSummary(offer, apply(rows, decision.changes))).toMatchObject({ confirmed: 1, awaiting: 1, seatsLeft: 0 });
  });

  it('declining frees the seat for the first on the waitlist, who is held for approval in turn', () => {
    const rows = signUpAll(offer, ['a', 'a', 'a', 'a']);
    const decision = decideApproval(offer, rows, { personId: 'person-2', outcome: 'declined', now });
    expect(decision.decided.status).toBe('withdrawn');
    expect(decision.promoted.map((s) => [s.person.id, s.status])).toEqual([['person-3', 'awaiting_approval']]);
    expect(statuses(apply(rows, decision.changes))).toEqual({ 'person-1': 'awaiting_approval', 'person-2': 'withdrawn', 'person-3': 'awaiting_approval', 'person-4': 'waitlisted' });
  });

  it('a request already answered, withdrawn or for an older hold is refused and changes nothing', () => {
    const rows = signUpAll(offer, ['a', 'a']);
    const approved = apply(rows, decideApproval(offer, rows, { personId: 'person-1', outcome: 'approved', now }).changes);
    expect(refusalCode(() => decideApproval(offer, approved, { personId: 'person-1', outcome: 'declined', now }))).toBe('approval_not_pending');
    const withdrawn = apply(rows, decideWithdrawal(offer, rows, 'person-2', now).changes);
    expect(refusalCode(() => decideApproval(offer, withdrawn, { personId: 'person-2', outcome: 'approved', now }))).toBe('approval_not_pending');
    expect(refusalCode(() => decideApproval(offer, rows, { personId: 'person-2', queueNumber: 7, outcome: 'approved', now }))).toBe('approval_not_pending');
    expect(refusalCode(() => decideApproval(offer, rows, { personId: 'person-9', outcome: 'approved', now }))).toBe('approval_not_pending');
  });

  it('withdrawing while awaiting frees the seat for the waitlist', () => {
    const rows = signUpAll(offer, ['a', 'a', 'a']);
    const decision = decideWithdrawal(offer, rows, 'person-1', now);
    expect(decision.promoted.map((s) => [s.person.id, s.status])).toEqual([['person-3', 'awaiting_approval']]);
  });

  it('an edit tells those awaiting as it tells the confirmed, moves them back like confirmed places, and keeps the flag', () => {
    const rows = signUpAll(offer, ['a', 'a', 'a']);
    const { id: _i, schoolId: _s, status: _st, createdBy: _c, createdAt: _ca, revision: _r, ...draft } = offer;
    const moved: OfferDraft = { ...draft, location: 'Library', needsApproval: false };
    const decision = decideOfferEdit(offer, rows, moved, { now, catalogue: testCatalogue, acceptedDemotions: 0 });
    if (decision.kind !== 'apply') throw new Error(decision.kind);
    expect(decision.toTell.map((s) => s.person.id)).toEqual(['person-1', 'person-2']);
    expect(decision.offer.needsApproval).toBe(true);
    const smaller = decideOfferEdit(offer, rows, { ...draft, capacity: 1 }, { now, catalogue: testCatalogue, acceptedDemotions: 1 });
    if (smaller.kind !== 'apply') throw new Error(smaller.kind);
    expect(smaller.demoted.map((s) => [s.person.id, s.status])).toEqual([['person-2', 'waitlisted']]);
    expect(decideCancellation(offer, rows, now).toTell.map((s) => s.person.id)).toEqual(['person-1', 'person-2', 'person-3']);
  });

  describe('when the hold runs out', () => {
    it('releases the seat to the waitlist in queue order once the hold time has passed, not before', () => {
      const rows = signUpAll(offer, ['a', 'a', 'a', 'a']);
      const before = shift(holdExpiresAt(now, holdMs), { ms: -1 });
      expect(decideHoldExpiry(offer, rows, { personId: 'person-1', queueNumber: 1, now: before, holdMs })).toBeNull();
      const decision = decideHoldExpiry(offer, rows, { personId: 'person-1', queueNumber: 1, now: holdExpiresAt(now, holdMs), holdMs });
      expect(decision?.decided.status).toBe('withdrawn');
      expect(decision?.promoted.map((s) => s.person.id)).toEqual(['person-3']);
    });

    it('leaves an answered hold, or a newer hold of the same person, alone', () => {
      const rows = signUpAll(offer, ['a', 'a']);
      const late = shift(now, { ms: holdMs });
      const approved = apply(rows, decideApproval(offer, rows, { personId: 'person-1', outcome: 'approved', now }).changes);
      expect(decideHoldExpiry(offer, approved, { personId: 'person-1', queueNumber: 1, now: late, holdMs })).toBeNull();
      expect(decideHoldExpiry(offer, rows, { personId: 'person-2', queueNumber: 1, now: late, holdMs })).toBeNull();
    });

    it('promotes no one into a session that has started', () => {
      const rows = signUpAll(offer, ['a', 'a', 'a']);
      const decision = decideHoldExpiry(offer, rows, { personId: 'person-1', queueNumber: 1, now: shift(offer.startsAt, { minutes: 1 }), holdMs });
      expect(decision?.decided.status).toBe('withdrawn');
      expect(decision?.promoted).toEqual([]);
    });
  });

  it('seats are never over-filled and the waitlist keeps queue order, whatever mix of sign-ups, answers and expiries (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('signUp' as const), person: fc.integer({ min: 1, max: 8 }), school: fc.constantFrom('a', 'b') }),
      fc.record({ kind: fc.constantFrom('approve' as const, 'decline' as const, 'expire' as const, 'withdraw' as const), person: fc.integer({ min: 1, max: 8 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.array(step, { maxLength: 40 }), (capacity, withQuota, steps) => {
        const o = buildOffer({ capacity, needsApproval: true, ...(withQuota ? { groupId: 'g', quotaPerSchool: 1 } : {}) });
        let rows: SignUp[] = [];
        const late = shift(now, { ms: holdMs });
        for (const s of steps) {
          const id = `person-${s.person}`;
          const own = rows.find((r) => r.person.id === id);
          if (s.kind === 'signUp') rows = tryApply(rows, () => decideSignUp(o, pictureOf(rows, id, s.school), buildPerson(s.person), now, s.school).changes);
          else if (s.kind === 'withdraw') rows = tryApply(rows, () => decideWithdrawal(o, rows, id, now).changes);
          else if (s.kind === 'expire') rows = apply(rows, own ? (decideHoldExpiry(o, rows, { personId: id, queueNumber: own.queueNumber, now: late, holdMs })?.changes ?? []) : []);
          else rows = tryApply(rows, () => decideApproval(o, rows, { personId: id, outcome: s.kind === 'approve' ? 'approved' : 'declined', now }).changes);
          expect(seatHoldersOf(rows).length).toBeLessThanOrEqual(capacity);
          if (withQuota) for (const school of ['a', 'b']) expect(seatHoldersOf(rows).filter((r) => r.schoolId === school).length).toBeLessThanOrEqual(1);
          // Nobody waits while a seat they could take is free (without a quota any free seat will do).
          if (!withQuota && waitlistOf(rows).length > 0) expect(seatHoldersOf(rows).length).toBe(capacity);
          // Nothing on an offer that needs approval is confirmed except by an approval.
          expect(rows.filter((r) => r.status === 'confirmed').every((r) => steps.some((x) => x.kind === 'approve' && `person-${x.person}` === r.person.id))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

function tryApply(rows: SignUp[], changes: () => SignUp[]): SignUp[] {
  try {
    return apply(rows, changes());
  } catch (error) {
    if (error instanceof DomainError) return rows;
    throw error;
  }
}

describe('who answers a school approval', () => {
  it('the school’s SLT by default; the line manager by that route, SLT where the map knows none; never the person', () => {
    expect(approversFor({ route: 'slt', sltIds: ['h1', 'h2'], lineManagerId: 'lm', personId: 'p' })).toEqual(['h1', 'h2']);
    expect(approversFor({ route: 'line_manager', sltIds: ['h1'], lineManagerId: 'lm', personId: 'p' })).toEqual(['lm']);
    expect(approversFor({ route: 'line_manager', sltIds: ['h1'], lineManagerId: null, personId: 'p' })).toEqual(['h1']);
    expect(approversFor({ route: 'slt', sltIds: ['h1', 'p'], lineManagerId: null, personId: 'p' })).toEqual(['h1']);
  });

  it('only SLT of the person’s own school (or, by that route, their line manager) may decide, and never for themselves', () => {
    const base = { deciderIsSltOfSchool: false, deciderIsLineManager: false, route: 'slt' as const, deciderId: 'd', personId: 'p' };
    expect(approvalDeciderRefusal({ ...base, deciderIsSltOfSchool: true })).toBeNull();
    expect(approvalDeciderRefusal(base)?.code).toBe('not_your_school_approval');
    expect(approvalDeciderRefusal({ ...base, deciderIsLineManager: true })?.code).toBe('not_your_school_approval');
    expect(approvalDeciderRefusal({ ...base, route: 'line_manager', deciderIsLineManager: true })).toBeNull();
    expect(approvalDeciderRefusal({ ...base, deciderIsSltOfSchool: true, deciderId: 'p' })?.code).toBe('not_your_school_approval');
  });
});

import { DomainError, DomainErrorCode } from '../../bot/domain/errors';
import { Offer } from '../../bot/domain/offer';
import { Person } from '../../bot/domain/person';
import {
  confirmedOf,
  decideSignUp,
  decideWithdrawal,
  pictureOf,
  promotionsToFill,
  seatSummary,
  SignUp,
  standingOf,
  waitlistOf,
} from '../../bot/domain/signUp';
import { buildOffer, buildPerson, buildSignUp, buildSignUps, shift, testNow } from '../factories/offers';

const now = shift(testNow, { hours: 1 });

/** Applies a decision's rows the way the store does: one row per person, replaced on change. */
function apply(signUps: readonly SignUp[], changes: readonly SignUp[]): SignUp[] {
  const byPerson = new Map(signUps.map((s) => [s.person.id, s]));
  for (const change of changes) byPerson.set(change.person.id, change);
  return [...byPerson.values()];
}

function refusalCode(action: () => unknown): DomainErrorCode {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected the action to be refused');
}

/** The store hands the decision a picture of the rows; here it is drawn from the rows themselves. */
function decide(offer: Offer, signUps: readonly SignUp[], person: Person, at: Date) {
  return decideSignUp(offer, pictureOf(signUps, person.id), person, at);
}

const ids = (signUps: readonly SignUp[]) => signUps.map((s) => s.person.id);

describe('signing up', () => {
  it('a free seat confirms the person', () => {
    const offer = buildOffer({ capacity: 2 });
    const person = buildPerson(1);
    const decision = decide(offer, [], person, now);
    expect(decision.changes).toEqual<SignUp[]>([
      { offerId: offer.id, person, status: 'confirmed', queueNumber: 1, signedUpAt: now, updatedAt: now },
    ]);
    expect(decision.standing).toEqual({ kind: 'confirmed' });
  });

  it('the last free seat still confirms the person', () => {
    const offer = buildOffer({ capacity: 3 });
    const decision = decide(offer, buildSignUps(offer, 2), buildPerson(3), now);
    expect(decision.changes).toHaveLength(1);
    expect(decision.changes[0]).toMatchObject({ status: 'confirmed', queueNumber: 3 });
    expect(decision.standing).toEqual({ kind: 'confirmed' });
  });

  it('a full offer puts the next person on the waitlist', () => {
    const offer = buildOffer({ capacity: 3 });
    const decision = decide(offer, buildSignUps(offer, 3), buildPerson(4), now);
    expect(decision.changes).toHaveLength(1);
    expect(decision.changes[0]).toMatchObject({ person: buildPerson(4), status: 'waitlisted', queueNumber: 4 });
    expect(decision.standing).toEqual({ kind: 'waitlisted', position: 1 });
  });

  it('each later person joins the back of the waitlist', () => {
    const offer = buildOffer({ capacity: 3 });
    const decision = decide(offer, buildSignUps(offer, 5), buildPerson(6), now);
    expect(decision.changes[0]).toMatchObject({ status: 'waitlisted', queueNumber: 6 });
    expect(decision.standing).toEqual({ kind: 'waitlisted', position: 3 });
  });

  it('signing up twice changes nothing', () => {
    const offer = buildOffer({ capacity: 1 });
    const signUps = buildSignUps(offer, 3);
    expect(decide(offer, signUps, buildPerson(1), now)).toMatchObject({ changes: [], standing: { kind: 'confirmed' } });
    expect(decide(offer, signUps, buildPerson(3), now)).toMatchObject({ changes: [], standing: { kind: 'waitlisted', position: 2 } });
  });

  it('signing up again after sign-ups closed is not an error for someone already signed up', () => {
    const offer = buildOffer({ capacity: 1 });
    const signUps = buildSignUps(offer, 2);
    const late = shift(offer.signUpsCloseAt, { hours: 1 });
    expect(decide(offer, signUps, buildPerson(2), late)).toMatchObject({ changes: [], standing: { kind: 'waitlisted', position: 1 } });
  });

  it('a person who withdraws and signs up again joins the back of the waitlist', () => {
    const offer = buildOffer({ capacity: 2 });
    let signUps = buildSignUps(offer, 4); // 1, 2 confirmed; 3, 4 waitlisted
    signUps = apply(signUps, decideWithdrawal(offer, signUps, 'person-1', now).changes); // 3 takes the seat
    const again = decide(offer, signUps, buildPerson(1), shift(now, { minutes: 5 }));
    expect(again.changes).toEqual([
      expect.objectContaining({ person: buildPerson(1), status: 'waitlisted', queueNumber: 5, signedUpAt: shift(now, { minutes: 5 }) }),
    ]);
    expect(again.standing).toEqual({ kind: 'waitlisted', position: 2 });
    const after = apply(signUps, again.changes);
    expect(ids(waitlistOf(after))).toEqual(['person-4', 'person-1']);
  });

  it('a person who withdraws and signs up again gets a seat if one is free, with a new place in the queue', () => {
    const offer = buildOffer({ capacity: 5 });
    let signUps = buildSignUps(offer, 3);
    signUps = apply(signUps, decideWithdrawal(offer, signUps, 'person-1', now).changes);
    const again = decide(offer, signUps, buildPerson(1), now);
    expect(again.changes).toEqual([expect.objectContaining({ status: 'confirmed', queueNumber: 4 })]);
    expect(again.standing).toEqual({ kind: 'confirmed' });
  });

  it('queue numbers keep rising past withdrawn rows', () => {
    const offer = buildOffer({ capacity: 5 });
    const signUps = [
      buildSignUp({ offerId: offer.id, person: buildPerson(1), status: 'withdrawn', queueNumber: 9 }),
      buildSignUp({ offerId: offer.id, person: buildPerson(2), status: 'confirmed', queueNumber: 4 }),
    ];
    expect(decide(offer, signUps, buildPerson(3), now).changes[0]?.queueNumber).toBe(10);
  });

  it('no sign-up after closing time (signups_closed)', () => {
    const offer = buildOffer();
    expect(refusalCode(() => decide(offer, [], buildPerson(1), offer.signUpsCloseAt))).toBe('signups_closed');
    expect(refusalCode(() => decide(offer, [], buildPerson(1), shift(offer.signUpsCloseAt, { days: 1 })))).toBe('signups_closed');
    expect(decide(offer, [], buildPerson(1), shift(offer.signUpsCloseAt, { ms: -1 })).changes).toHaveLength(1);
  });

  it('no sign-up on a closed offer (signups_closed)', () => {
    const offer = buildOffer({ status: 'closed' });
    expect(refusalCode(() => decide(offer, [], buildPerson(1), now))).toBe('signups_closed');
  });

  it('no sign-up on a cancelled offer (offer_cancelled)', () => {
    const offer = buildOffer({ status: 'cancelled' });
    expect(refusalCode(() => decide(offer, [], buildPerson(1), now))).toBe('offer_cancelled');
  });

  it('a withdrawn person cannot come back after closing time (signups_closed)', () => {
    const offer = buildOffer({ capacity: 5 });
    const signUps = [buildSignUp({ offerId: offer.id, person: buildPerson(1), status: 'withdrawn' })];
    expect(refusalCode(() => decide(offer, signUps, buildPerson(1), offer.signUpsCloseAt))).toBe('signups_closed');
  });
});

describe('withdrawing', () => {
  it('a confirmed person who withdraws gives up the seat, keeping their original sign-up time', () => {
    const offer = buildOffer({ capacity: 2 });
    const signUps = buildSignUps(offer, 2);
    const decision = decideWithdrawal(offer, signUps, 'person-2', now);
    expect(decision.changes).toEqual([{ ...signUps[1], status: 'withdrawn', updatedAt: now }]);
    expect(decision.promoted).toEqual([]);
    expect(seatSummary(offer, apply(signUps, decision.changes)).seatsLeft).toBe(1);
  });

  it('a withdrawal promotes the first on the waitlist', () => {
    const offer = buildOffer({ capacity: 2 });
    // Given out of queue order on purpose: the queue number decides, not the array order.
    const signUps = buildSignUps(offer, 5).reverse();
    const decision = decideWithdrawal(offer, signUps, 'person-1', now);
    expect(ids(decision.promoted)).toEqual(['person-3']);
    expect(decision.promoted[0]).toMatchObject({ status: 'confirmed', queueNumber: 3, updatedAt: now });
    expect(decision.changes).toEqual([expect.objectContaining({ person: buildPerson(1), status: 'withdrawn' }), decision.promoted[0]]);
    const after = apply(signUps, decision.changes);
    expect(ids(confirmedOf(after))).toEqual(['person-2', 'person-3']);
    expect(ids(waitlistOf(after))).toEqual(['person-4', 'person-5']);
    expect(standingOf('person-5', after)).toEqual({ kind: 'waitlisted', position: 2 });
  });

  it('leaving the waitlist promotes nobody and moves the people behind up', () => {
    const offer = buildOffer({ capacity: 2 });
    const signUps = buildSignUps(offer, 5);
    const decision = decideWithdrawal(offer, signUps, 'person-3', now);
    expect(decision.promoted).toEqual([]);
    expect(decision.changes).toEqual([expect.objectContaining({ person: buildPerson(3), status: 'withdrawn' })]);
    expect(standingOf('person-4', apply(signUps, decision.changes))).toEqual({ kind: 'waitlisted', position: 1 });
  });

  it('a withdrawal after sign-ups closed still promotes the first on the waitlist', () => {
    const offer = buildOffer({ capacity: 1 });
    const signUps = buildSignUps(offer, 2);
    const late = shift(offer.signUpsCloseAt, { hours: 1 });
    expect(ids(decideWithdrawal(offer, signUps, 'person-1', late).promoted)).toEqual(['person-2']);
  });

  it('a withdrawal from a cancelled offer promotes nobody', () => {
    const offer = buildOffer({ capacity: 1, status: 'cancelled' });
    const signUps = buildSignUps(offer, 2);
    const decision = decideWithdrawal(offer, signUps, 'person-1', now);
    expect(decision.promoted).toEqual([]);
    expect(decision.changes).toEqual([expect.objectContaining({ person: buildPerson(1), status: 'withdrawn' })]);
  });

  it('withdrawing after the session started is refused (session_started)', () => {
    const offer = buildOffer({ capacity: 1 });
    const signUps = buildSignUps(offer, 2);
    expect(refusalCode(() => decideWithdrawal(offer, signUps, 'person-1', offer.startsAt))).toBe('session_started');
    expect(refusalCode(() => decideWithdrawal(offer, signUps, 'person-1', offer.endsAt))).toBe('session_started');
    expect(decideWithdrawal(offer, signUps, 'person-1', shift(offer.startsAt, { ms: -1 })).changes).toHaveLength(2);
  });

  it('withdrawing when not signed up is refused (not_signed_up)', () => {
    const offer = buildOffer();
    const signUps = buildSignUps(offer, 2);
    expect(refusalCode(() => decideWithdrawal(offer, signUps, 'person-99', now))).toBe('not_signed_up');
  });

  it('withdrawing twice is refused (not_signed_up)', () => {
    const offer = buildOffer();
    let signUps = buildSignUps(offer, 2);
    signUps = apply(signUps, decideWithdrawal(offer, signUps, 'person-1', now).changes);
    expect(refusalCode(() => decideWithdrawal(offer, signUps, 'person-1', now))).toBe('not_signed_up');
  });
});

describe('filling free seats', () => {
  it('as many people move up as there are free seats, first come first served', () => {
    const offer = { capacity: 4 };
    const signUps = buildSignUps({ id: 'offer-1', capacity: 2 }, 6); // 2 confirmed, 4 waitlisted, 2 seats free
    const promoted = promotionsToFill(offer, signUps, now);
    expect(ids(promoted)).toEqual(['person-3', 'person-4']);
    expect(promoted.every((s) => s.status === 'confirmed' && s.updatedAt === now)).toBe(true);
  });

  it('nobody moves up when no seat is free', () => {
    const offer = { capacity: 2 };
    expect(promotionsToFill(offer, buildSignUps({ id: 'offer-1', capacity: 2 }, 6), now)).toEqual([]);
  });
});

describe('seats and standing', () => {
  it('a seat picture counts places, the last queue number and who is ahead of the person', () => {
    const offer = buildOffer({ capacity: 1 });
    const signUps = [
      ...buildSignUps(offer, 3),
      buildSignUp({ offerId: offer.id, person: buildPerson(4), status: 'withdrawn', queueNumber: 9 }),
    ].reverse();
    expect(pictureOf(signUps, 'person-3')).toEqual({ confirmed: 1, awaiting: 0, waitlisted: 2, lastQueueNumber: 9, own: signUps[1], waitlistedAhead: 1, schoolHeld: 0 });
    expect(pictureOf(signUps, 'person-1')).toMatchObject({ own: { status: 'confirmed' }, waitlistedAhead: 0 });
    expect(pictureOf([], 'person-1')).toEqual({ confirmed: 0, awaiting: 0, waitlisted: 0, lastQueueNumber: 0, own: null, waitlistedAhead: 0, schoolHeld: 0 });
  });


  it('counts confirmed, waitlisted and free seats, ignoring withdrawals', () => {
    const offer = buildOffer({ capacity: 3 });
    const signUps = [
      ...buildSignUps(offer, 2),
      buildSignUp({ offerId: offer.id, person: buildPerson(7), status: 'withdrawn', queueNumber: 7 }),
    ];
    expect(seatSummary(offer, signUps)).toEqual({ capacity: 3, confirmed: 2, awaiting: 0, seatsLeft: 1, waitlisted: 0 });
    expect(seatSummary(offer, buildSignUps(offer, 5))).toEqual({ capacity: 3, confirmed: 3, awaiting: 0, seatsLeft: 0, waitlisted: 2 });
  });

  it('never reports negative free seats (e.g. capacity lowered below the confirmed count)', () => {
    const signUps = buildSignUps({ id: 'offer-1', capacity: 5 }, 5);
    expect(seatSummary({ capacity: 3 }, signUps).seatsLeft).toBe(0);
  });

  it('a person has no standing, is withdrawn, confirmed or at a 1-based waitlist position', () => {
    const offer = buildOffer({ capacity: 1 });
    const signUps = [
      ...buildSignUps(offer, 3),
      buildSignUp({ offerId: offer.id, person: buildPerson(4), status: 'withdrawn', queueNumber: 4 }),
    ].reverse();
    expect(standingOf('person-1', signUps)).toEqual({ kind: 'confirmed' });
    expect(standingOf('person-2', signUps)).toEqual({ kind: 'waitlisted', position: 1 });
    expect(standingOf('person-3', signUps)).toEqual({ kind: 'waitlisted', position: 2 });
    expect(standingOf('person-4', signUps)).toEqual({ kind: 'withdrawn' });
    expect(standingOf('person-5', signUps)).toEqual({ kind: 'none' });
  });
});

/** mulberry32: a tiny seeded PRNG so the random sequences are the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('never more confirmed than capacity', () => {
  /**
   * Random sign-ups and withdrawals against a model that is just a line of people in arrival order: the first
   * `capacity` in the line hold seats, everyone else waits in line order. Re-joining puts you at the end of the line.
   */
  it('random sign-ups and withdrawals keep the seats within capacity and the queue first come first served', () => {
    const random = seededRandom(20240917);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    let steps = 0;

    for (let run = 0; run < 150; run++) {
      const capacity = 1 + Math.floor(random() * 6);
      const offer: Offer = buildOffer({ capacity });
      const people = Array.from({ length: 2 + Math.floor(random() * 14) }, (_, i) => buildPerson(i + 1));
      let signUps: SignUp[] = [];
      let line: string[] = [];
      let clock = now.getTime();

      for (let step = 0; step < 60; step++, steps++) {
        clock += 1 + Math.floor(random() * 60_000);
        const at = new Date(clock);
        const person = pick(people);
        const seatedBefore = line.slice(0, capacity);

        if (random() < 0.6) {
          const decision = decide(offer, signUps, person, at);
          const alreadyIn = line.includes(person.id);
          expect(decision.changes).toHaveLength(alreadyIn ? 0 : 1);
          if (!alreadyIn) line = [...line, person.id];
          signUps = apply(signUps, decision.changes);
          expect(decision.seats).toEqual(seatSummary(offer, signUps));
          const position = line.indexOf(person.id);
          expect(decision.standing).toEqual(
            position < capacity ? { kind: 'confirmed' } : { kind: 'waitlisted', position: position - capacity + 1 },
          );
        } else if (line.includes(person.id)) {
          const decision = decideWithdrawal(offer, signUps, person.id, at);
          line = line.filter((id) => id !== person.id);
          signUps = apply(signUps, decision.changes);
          const newlySeated = line.slice(0, capacity).filter((id) => !seatedBefore.includes(id));
          expect(ids(decision.promoted)).toEqual(newlySeated);
        } else {
          expect(refusalCode(() => decideWithdrawal(offer, signUps, person.id, at))).toBe('not_signed_up');
        }

        const confirmed = confirmedOf(signUps);
        const waitlist = waitlistOf(signUps);
        expect(confirmed.length).toBeLessThanOrEqual(capacity);
        expect(ids(confirmed)).toEqual(line.slice(0, capacity));
        expect(ids(waitlist)).toEqual(line.slice(capacity));
        // Nobody waits while a seat is free, and everyone seated arrived before everyone waiting.
        if (waitlist.length > 0) expect(confirmed).toHaveLength(capacity);
        const lastSeated = Math.max(0, ...confirmed.map((s) => s.queueNumber));
        expect(waitlist.every((s) => s.queueNumber > lastSeated)).toBe(true);
        // One row per person, each with its own place in the queue.
        expect(new Set(ids(signUps)).size).toBe(signUps.length);
        expect(new Set(signUps.map((s) => s.queueNumber)).size).toBe(signUps.length);
      }
    }
    expect(steps).toBe(150 * 60);
  });
});

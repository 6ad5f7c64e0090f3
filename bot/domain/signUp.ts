import { DomainError } from './errors';
import { Offer, signUpRefusal, withdrawalRefusal } from './offer';
import { Person } from './person';

export type SignUpStatus = 'confirmed' | 'waitlisted' | 'withdrawn';

export interface SignUp {
  offerId: string;
  person: Person;
  status: SignUpStatus;
  /** Place in the first-come-first-served queue; a person who withdraws and comes back joins at the back. */
  queueNumber: number;
  signedUpAt: Date;
  updatedAt: Date;
}

export type Standing =
  | { kind: 'none' }
  | { kind: 'withdrawn' }
  | { kind: 'confirmed' }
  | { kind: 'waitlisted'; position: number };

export interface SeatSummary {
  capacity: number;
  confirmed: number;
  seatsLeft: number;
  waitlisted: number;
}

export interface SignUpDecision {
  /** The rows to write; empty when signing up again changed nothing. */
  changes: SignUp[];
  standing: Standing;
}

export interface WithdrawalDecision {
  changes: SignUp[];
  /** People moved from the waitlist to a confirmed seat, in queue order: each is told. */
  promoted: SignUp[];
}

const byQueue = (a: SignUp, b: SignUp) => a.queueNumber - b.queueNumber;

export function waitlistOf(signUps: readonly SignUp[]): SignUp[] {
  return signUps.filter((s) => s.status === 'waitlisted').sort(byQueue);
}

export function confirmedOf(signUps: readonly SignUp[]): SignUp[] {
  return signUps.filter((s) => s.status === 'confirmed').sort(byQueue);
}

export function seatSummary(offer: Pick<Offer, 'capacity'>, signUps: readonly SignUp[]): SeatSummary {
  const confirmed = confirmedOf(signUps).length;
  return {
    capacity: offer.capacity,
    confirmed,
    seatsLeft: Math.max(0, offer.capacity - confirmed),
    waitlisted: waitlistOf(signUps).length,
  };
}

export function standingOf(personId: string, signUps: readonly SignUp[]): Standing {
  const own = signUps.find((s) => s.person.id === personId);
  if (!own) return { kind: 'none' };
  if (own.status === 'confirmed') return { kind: 'confirmed' };
  if (own.status === 'withdrawn') return { kind: 'withdrawn' };
  return { kind: 'waitlisted', position: waitlistOf(signUps).findIndex((s) => s.person.id === personId) + 1 };
}

/**
 * What a sign-up decision needs to know about an offer: how many hold each kind of place and the person's own row,
 * not every row (an offer with hundreds of sign-ups is decided from a few numbers).
 */
export interface SeatPicture {
  confirmed: number;
  waitlisted: number;
  /** The highest queue number handed out so far, withdrawn rows included; 0 when nobody has signed up. */
  lastQueueNumber: number;
  own: SignUp | null;
  /** Waitlisted people ahead of the person; 0 unless they are waitlisted. */
  waitlistedAhead: number;
}

export function pictureOf(signUps: readonly SignUp[], personId: string): SeatPicture {
  const own = signUps.find((s) => s.person.id === personId) ?? null;
  const waitlist = waitlistOf(signUps);
  return {
    confirmed: confirmedOf(signUps).length,
    waitlisted: waitlist.length,
    lastQueueNumber: nextQueueNumber(signUps) - 1,
    own,
    waitlistedAhead: own?.status === 'waitlisted' ? waitlist.findIndex((s) => s.person.id === personId) : 0,
  };
}

export interface SignUpDecisionWithSeats extends SignUpDecision {
  /** The offer's seats once the change is written. */
  seats: SeatSummary;
}

/**
 * A person asks for a seat. A free seat confirms them; a full offer puts them at the back of the waitlist.
 * Asking again while confirmed or waitlisted changes nothing. `picture` must be a fresh read taken inside the
 * transaction that will write the result, so two people cannot both take the last seat.
 */
export function decideSignUp(offer: Offer, picture: SeatPicture, person: Person, now: Date): SignUpDecisionWithSeats {
  const seatsWith = (confirmed: number, waitlisted: number): SeatSummary => ({
    capacity: offer.capacity,
    confirmed,
    seatsLeft: Math.max(0, offer.capacity - confirmed),
    waitlisted,
  });
  const own = picture.own;
  if (own && own.status !== 'withdrawn') {
    const standing: Standing = own.status === 'confirmed' ? { kind: 'confirmed' } : { kind: 'waitlisted', position: picture.waitlistedAhead + 1 };
    return { changes: [], standing, seats: seatsWith(picture.confirmed, picture.waitlisted) };
  }
  const refusal = signUpRefusal(offer, now);
  if (refusal) throw refusal;

  const hasSeat = picture.confirmed < offer.capacity;
  const signUp: SignUp = {
    offerId: offer.id,
    person,
    status: hasSeat ? 'confirmed' : 'waitlisted',
    queueNumber: picture.lastQueueNumber + 1,
    signedUpAt: now,
    updatedAt: now,
  };
  return hasSeat
    ? { changes: [signUp], standing: { kind: 'confirmed' }, seats: seatsWith(picture.confirmed + 1, picture.waitlisted) }
    : { changes: [signUp], standing: { kind: 'waitlisted', position: picture.waitlisted + 1 }, seats: seatsWith(picture.confirmed, picture.waitlisted + 1) };
}

/** A person gives up their seat or waitlist place; freed seats go to the waitlist in order. */
export function decideWithdrawal(offer: Offer, signUps: readonly SignUp[], personId: string, now: Date): WithdrawalDecision {
  const existing = signUps.find((s) => s.person.id === personId);
  if (!existing || existing.status === 'withdrawn') throw new DomainError('not_signed_up', 'You are not signed up for this session.');
  const refusal = withdrawalRefusal(offer, now);
  if (refusal) throw refusal;

  const withdrawn: SignUp = { ...existing, status: 'withdrawn', updatedAt: now };
  const remaining = signUps.map((s) => (s.person.id === personId ? withdrawn : s));
  const promoted = offer.status === 'cancelled' ? [] : promotionsToFill(offer, remaining, now);
  return { changes: [withdrawn, ...promoted], promoted };
}

/** The waitlisted people who move up while confirmed seats are free, first come first served. */
export function promotionsToFill(offer: Pick<Offer, 'capacity'>, signUps: readonly SignUp[], now: Date): SignUp[] {
  const free = seatSummary(offer, signUps).seatsLeft;
  return waitlistOf(signUps)
    .slice(0, free)
    .map((s) => ({ ...s, status: 'confirmed' as const, updatedAt: now }));
}

function nextQueueNumber(signUps: readonly SignUp[]): number {
  return signUps.reduce((max, s) => Math.max(max, s.queueNumber), 0) + 1;
}

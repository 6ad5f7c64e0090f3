import { DomainError } from './errors';
import { Offer, signUpRefusal, withdrawalRefusal } from './offer';
import { Person } from './person';

/**
 * `awaiting_approval`: a seat held (it counts against the pool and the school's quota) on an offer that needs the
 * person's school to agree, until approved (then confirmed), declined or the hold runs out (then withdrawn). It is not
 * a confirmed place: no attendance, hours, reminders or calendar entry come from it.
 */
export type SignUpStatus = 'confirmed' | 'awaiting_approval' | 'waitlisted' | 'withdrawn';

export interface SignUp {
  offerId: string;
  person: Person;
  status: SignUpStatus;
  /** Place in the first-come-first-served queue; a person who withdraws and comes back joins at the back. */
  queueNumber: number;
  signedUpAt: Date;
  updatedAt: Date;
  /** The school it came from (the channel's whose card was clicked, else the person's); counts against its quota. */
  schoolId?: string;
}

export type Standing =
  | { kind: 'none' }
  | { kind: 'withdrawn' }
  | { kind: 'confirmed' }
  | { kind: 'awaiting_approval' }
  | { kind: 'waitlisted'; position: number };

export interface SeatSummary {
  capacity: number;
  confirmed: number;
  /** Seats held while the person's school decides; they are not free. */
  awaiting: number;
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

/** Whether a sign-up takes one of the offer's seats: confirmed, or held while awaiting approval. */
export function holdsSeat(status: SignUpStatus): boolean {
  return status === 'confirmed' || status === 'awaiting_approval';
}

/** Everyone holding a seat (confirmed or awaiting approval), in queue order. */
export function seatHoldersOf(signUps: readonly SignUp[]): SignUp[] {
  return signUps.filter((s) => holdsSeat(s.status)).sort(byQueue);
}

export function awaitingOf(signUps: readonly SignUp[]): SignUp[] {
  return signUps.filter((s) => s.status === 'awaiting_approval').sort(byQueue);
}

export function seatSummary(offer: Pick<Offer, 'capacity'>, signUps: readonly SignUp[]): SeatSummary {
  const confirmed = confirmedOf(signUps).length;
  const awaiting = awaitingOf(signUps).length;
  return {
    capacity: offer.capacity,
    confirmed,
    awaiting,
    seatsLeft: Math.max(0, offer.capacity - confirmed - awaiting),
    waitlisted: waitlistOf(signUps).length,
  };
}

export function standingOf(personId: string, signUps: readonly SignUp[]): Standing {
  const own = signUps.find((s) => s.person.id === personId);
  if (!own) return { kind: 'none' };
  if (own.status === 'confirmed') return { kind: 'confirmed' };
  if (own.status === 'awaiting_approval') return { kind: 'awaiting_approval' };
  if (own.status === 'withdrawn') return { kind: 'withdrawn' };
  return { kind: 'waitlisted', position: waitlistOf(signUps).findIndex((s) => s.person.id === personId) + 1 };
}

/**
 * What a sign-up decision needs to know about an offer: how many hold each kind of place and the person's own row,
 * not every row (an offer with hundreds of sign-ups is decided from a few numbers).
 */
export interface SeatPicture {
  confirmed: number;
  /** Seats held awaiting a school's approval: taken as far as anyone else is concerned. */
  awaiting: number;
  waitlisted: number;
  /** The highest queue number handed out so far, withdrawn rows included; 0 when nobody has signed up. */
  lastQueueNumber: number;
  own: SignUp | null;
  /** Waitlisted people ahead of the person; 0 unless they are waitlisted. */
  waitlistedAhead: number;
  /**
   * Places held by the school the sign-up comes from, confirmed or awaiting approval (0 when it is not known): its
   * quota's use.
   */
  schoolHeld: number;
}

export function pictureOf(signUps: readonly SignUp[], personId: string, schoolId?: string): SeatPicture {
  const own = signUps.find((s) => s.person.id === personId) ?? null;
  const waitlist = waitlistOf(signUps);
  return {
    confirmed: confirmedOf(signUps).length,
    awaiting: awaitingOf(signUps).length,
    waitlisted: waitlist.length,
    lastQueueNumber: nextQueueNumber(signUps) - 1,
    own,
    waitlistedAhead: own?.status === 'waitlisted' ? waitlist.findIndex((s) => s.person.id === personId) : 0,
    schoolHeld: schoolId === undefined ? 0 : seatHoldersOf(signUps).filter((s) => s.schoolId === schoolId).length,
  };
}

export interface SignUpDecisionWithSeats extends SignUpDecision {
  /** The offer's seats once the change is written. */
  seats: SeatSummary;
}

/** What decides seats: the shared pool and, for a group offer, the limit per school and when it is released. */
export type SeatTerms = Pick<Offer, 'capacity' | 'quotaPerSchool' | 'quotaReleasesAt' | 'needsApproval'>;

/** The status a newly seated person gets: held for the school's approval when the offer needs it, else confirmed. */
export function seatedStatus(offer: Pick<Offer, 'needsApproval'>): 'confirmed' | 'awaiting_approval' {
  return offer.needsApproval ? 'awaiting_approval' : 'confirmed';
}

/** Whether the limit per school holds at `now`: one is set and its release date (if any) has not come. */
export function quotaInForce(offer: SeatTerms, now: Date): boolean {
  return offer.quotaPerSchool !== undefined && (offer.quotaReleasesAt === undefined || now.getTime() < offer.quotaReleasesAt.getTime());
}

/**
 * Whether a new sign-up takes a seat. While a quota holds, the pool must have a seat and the school must be under its
 * limit; once released, people already waiting go first (the release job promotes them), so a newcomer takes a seat
 * only if one is left over after every waiting person has one.
 */
function newcomerHasSeat(offer: SeatTerms, picture: SeatPicture, now: Date): boolean {
  const free = offer.capacity - picture.confirmed - picture.awaiting;
  if (offer.quotaPerSchool === undefined) return free > 0;
  if (quotaInForce(offer, now)) return free > 0 && picture.schoolHeld < offer.quotaPerSchool;
  return free > picture.waitlisted;
}

/**
 * A person asks for a seat. A free seat confirms them (within their school's quota on a group offer that has one); else
 * they go to the back of the waitlist. Asking again while confirmed or waitlisted changes nothing. `picture` must be a
 * fresh read taken inside the transaction that will write the result, so two people cannot both take the last seat
 * (nor two from one school its last place). `schoolId` is where the sign-up comes from.
 */
export function decideSignUp(offer: Offer, picture: SeatPicture, person: Person, now: Date, schoolId?: string): SignUpDecisionWithSeats {
  const seatsWith = (confirmed: number, awaiting: number, waitlisted: number): SeatSummary => ({
    capacity: offer.capacity,
    confirmed,
    awaiting,
    seatsLeft: Math.max(0, offer.capacity - confirmed - awaiting),
    waitlisted,
  });
  const own = picture.own;
  if (own && own.status !== 'withdrawn') {
    const standing: Standing =
      own.status === 'waitlisted' ? { kind: 'waitlisted', position: picture.waitlistedAhead + 1 } : { kind: own.status };
    return { changes: [], standing, seats: seatsWith(picture.confirmed, picture.awaiting, picture.waitlisted) };
  }
  const refusal = signUpRefusal(offer, now);
  if (refusal) throw refusal;

  if (quotaInForce(offer, now) && schoolId === undefined) {
    throw new DomainError('school_unknown', 'This session has places per school, and I could not tell which school you are in.');
  }
  const hasSeat = newcomerHasSeat(offer, picture, now);
  const seated = seatedStatus(offer);
  const signUp: SignUp = {
    offerId: offer.id,
    person,
    status: hasSeat ? seated : 'waitlisted',
    queueNumber: picture.lastQueueNumber + 1,
    signedUpAt: now,
    updatedAt: now,
    ...(schoolId === undefined ? {} : { schoolId }),
  };
  if (!hasSeat) {
    return { changes: [signUp], standing: { kind: 'waitlisted', position: picture.waitlisted + 1 }, seats: seatsWith(picture.confirmed, picture.awaiting, picture.waitlisted + 1) };
  }
  return seated === 'confirmed'
    ? { changes: [signUp], standing: { kind: 'confirmed' }, seats: seatsWith(picture.confirmed + 1, picture.awaiting, picture.waitlisted) }
    : { changes: [signUp], standing: { kind: 'awaiting_approval' }, seats: seatsWith(picture.confirmed, picture.awaiting + 1, picture.waitlisted) };
}

/** A person gives up their seat (confirmed or held for approval) or waitlist place; freed seats go to the waitlist in order. */
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

/**
 * The waitlisted people who move up while seats are free, first come first served. While a quota holds, a person whose
 * school has used its places is passed over (keeping their place) for the next one whose school has not. On an offer
 * that needs approval they move up to a seat held for their school's approval, not to a confirmed one.
 */
export function promotionsToFill(offer: SeatTerms, signUps: readonly SignUp[], now: Date): SignUp[] {
  let free = seatSummary(offer, signUps).seatsLeft;
  const limit = quotaInForce(offer, now) ? offer.quotaPerSchool : undefined;
  const status = seatedStatus(offer);
  const held = new Map<string, number>();
  for (const s of seatHoldersOf(signUps)) held.set(s.schoolId ?? '', (held.get(s.schoolId ?? '') ?? 0) + 1);
  const promoted: SignUp[] = [];
  for (const waiting of waitlistOf(signUps)) {
    if (free === 0) break;
    const school = waiting.schoolId ?? '';
    if (limit !== undefined && (held.get(school) ?? 0) >= limit) continue;
    held.set(school, (held.get(school) ?? 0) + 1);
    promoted.push({ ...waiting, status, updatedAt: now });
    free -= 1;
  }
  return promoted;
}

/**
 * The quota's release date has come: unused places return to the shared pool and the waitlist moves up in queue
 * order. Nothing moves for an offer without a quota, before the date, once cancelled, or once started (a place freed
 * after sign-ups close still helps someone, as with a withdrawal).
 */
export function promotionsOnQuotaRelease(offer: Offer, signUps: readonly SignUp[], now: Date): SignUp[] {
  if (offer.quotaPerSchool === undefined || quotaInForce(offer, now)) return [];
  if (offer.status === 'cancelled' || now.getTime() >= offer.startsAt.getTime()) return [];
  return promotionsToFill(offer, signUps, now);
}

function nextQueueNumber(signUps: readonly SignUp[]): number {
  return signUps.reduce((max, s) => Math.max(max, s.queueNumber), 0) + 1;
}

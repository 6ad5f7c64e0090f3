import { randomUUID } from 'node:crypto';
import { Offer, OfferDraft } from '../../bot/domain/offer';
import { Person } from '../../bot/domain/person';
import { SignUp } from '../../bot/domain/signUp';
import { defaultTagCatalogue, gtcsStandardAreas, nifPriorities, TagCatalogue } from '../../bot/domain/tags';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Moves an instant by days, hours, minutes and milliseconds (negative to go back). */
export function shift(date: Date, by: { days?: number; hours?: number; minutes?: number; ms?: number }): Date {
  const ms = (by.days ?? 0) * DAY + (by.hours ?? 0) * HOUR + (by.minutes ?? 0) * MINUTE + (by.ms ?? 0);
  return new Date(date.getTime() + ms);
}

/**
 * "Now" for the factories: the real time when this module was loaded, to the whole minute. Defaults are relative to
 * it, so an offer built here is still in the future for code that reads the system clock (e2e tests), and tests
 * that pass `now` explicitly stay deterministic relative to the offer.
 */
export const testNow = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);

/** The tag lists offers are checked against (the deployment default). */
export const testCatalogue: TagCatalogue = defaultTagCatalogue;

export const schoolId = 'school-1';

let personSeq = 0;

/**
 * `buildPerson(3)` → `{ id: 'person-3', name: 'Person 3' }`. With no number, a fresh person (person-1001, person-1002…,
 * clear of the small numbers tests pick), optionally with some fields overridden.
 */
export function buildPerson(nOrOverrides?: number | Partial<Person>): Person {
  if (typeof nOrOverrides === 'number') return { id: `person-${nOrOverrides}`, name: `Person ${nOrOverrides}` };
  const n = ++personSeq + 1000;
  return { id: `person-${n}`, name: `Person ${n}`, ...nOrOverrides };
}

export const sltMember: Person = { id: 'slt-1', name: 'Morag Head' };

/**
 * A valid draft: a 90-minute session a week from `testNow`, Europe/London, 20 seats, sign-ups closing a day before
 * it starts. Overriding `startsAt` moves the end and the closing time with it unless those are given too.
 */
export function buildDraft(overrides: Partial<OfferDraft> = {}): OfferDraft {
  const startsAt = overrides.startsAt ?? shift(testNow, { days: 7 });
  return {
    title: 'Questioning for deeper learning',
    description: 'Practical strategies for higher-order questions in every subject.',
    facilitator: { kind: 'external', name: 'Dr Ada Byron' },
    timeZone: 'Europe/London',
    location: 'Staff room',
    onlineLink: null,
    capacity: 20,
    tags: { standards: [gtcsStandardAreas[0] as string], priorities: [nifPriorities[4] as string] },
    ...overrides,
    startsAt,
    endsAt: overrides.endsAt ?? shift(startsAt, { minutes: 90 }),
    signUpsCloseAt: overrides.signUpsCloseAt ?? shift(startsAt, { days: -1 }),
  };
}

/** An open offer at revision 1 with a unique id, built from `buildDraft` defaults; any field can be overridden. */
export function buildOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: `offer-${randomUUID()}`,
    schoolId,
    status: 'open',
    createdBy: sltMember,
    createdAt: testNow,
    revision: 1,
    // buildDraft spreads every override, so Offer-only fields (id, status, revision...) pass through too.
    ...buildDraft(overrides),
  };
}

/** One sign-up row; defaults: a new person, confirmed, first in the queue, on offer `offer-1`, at `testNow`. */
export function buildSignUp(overrides: Partial<SignUp> = {}): SignUp {
  const signedUpAt = overrides.signedUpAt ?? testNow;
  return {
    offerId: 'offer-1',
    person: buildPerson(),
    status: 'confirmed',
    queueNumber: 1,
    ...overrides,
    signedUpAt,
    updatedAt: overrides.updatedAt ?? signedUpAt,
  };
}

/**
 * Sign-ups for `offer` in queue order: the first `capacity` confirmed, the rest waitlisted, persons 1..count
 * (`person-1` has queue number 1), as the domain would have produced them.
 */
export function buildSignUps(offer: Pick<Offer, 'id' | 'capacity'>, count: number): SignUp[] {
  return Array.from({ length: count }, (_, i) =>
    buildSignUp({
      offerId: offer.id,
      person: buildPerson(i + 1),
      status: i < offer.capacity ? 'confirmed' : 'waitlisted',
      queueNumber: i + 1,
      signedUpAt: shift(testNow, { minutes: i }),
    }),
  );
}

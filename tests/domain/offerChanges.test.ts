import { DomainError } from '../../bot/domain/errors';
import { decideCancellation, decideOfferEdit, describeChanges, offerEditProblems } from '../../bot/domain/offerChanges';
import { OfferDraft } from '../../bot/domain/offer';
import { buildOffer, buildSignUps, shift, testCatalogue, testNow } from '../factories';

const context = (acceptedDemotions = 0) => ({ now: testNow, catalogue: testCatalogue, acceptedDemotions });
const draftOf = (offer: ReturnType<typeof buildOffer>, overrides: Partial<OfferDraft> = {}): OfferDraft => ({ ...offer, ...overrides });

describe('what changed in an edited offer', () => {
  it('lists nothing when nothing changed', () => {
    const offer = buildOffer();
    expect(describeChanges(offer, { ...offer })).toEqual([]);
  });

  it('reports a new time as one change with the old and new start and end', () => {
    const offer = buildOffer();
    const later = { ...offer, startsAt: shift(offer.startsAt, { hours: 1 }), endsAt: shift(offer.endsAt, { hours: 1 }) };
    expect(describeChanges(offer, later)).toEqual([
      { field: 'time', before: { startsAt: offer.startsAt.toISOString(), endsAt: offer.endsAt.toISOString() }, after: { startsAt: later.startsAt.toISOString(), endsAt: later.endsAt.toISOString() } },
    ]);
  });

  it('reports title, place and capacity changes by field', () => {
    const offer = buildOffer({ capacity: 10 });
    const changes = describeChanges(offer, { ...offer, title: 'New title', location: 'Library', capacity: 12 });
    expect(changes.map((c) => c.field)).toEqual(['title', 'location', 'capacity']);
  });
});

describe('deciding an edit', () => {
  it('tells the confirmed people (not the waitlist) when the place changes', () => {
    const offer = buildOffer({ capacity: 2 });
    const signUps = buildSignUps(offer, 3);
    const decision = decideOfferEdit(offer, signUps, draftOf(offer, { location: 'Library' }), context());
    expect(decision.kind).toBe('apply');
    if (decision.kind !== 'apply') return;
    expect(decision.toTell.map((s) => s.person.id)).toEqual(['person-1', 'person-2']);
    expect(decision.offer.location).toBe('Library');
    expect(decision.signUpChanges).toEqual([]);
  });

  it('tells no one when only the closing time or the capacity changes', () => {
    const offer = buildOffer({ capacity: 5 });
    const decision = decideOfferEdit(offer, buildSignUps(offer, 3), draftOf(offer, { capacity: 6 }), context());
    expect(decision.kind === 'apply' && decision.toTell).toEqual([]);
  });

  it('is unchanged when the same details are saved again', () => {
    const offer = buildOffer();
    expect(decideOfferEdit(offer, [], draftOf(offer), context())).toEqual({ kind: 'unchanged' });
  });

  it('asks before moving the latest confirmations back to the waitlist when capacity drops below the confirmed count', () => {
    const offer = buildOffer({ capacity: 4 });
    const signUps = buildSignUps(offer, 5);
    const decision = decideOfferEdit(offer, signUps, draftOf(offer, { capacity: 2 }), context());
    expect(decision.kind).toBe('needs_confirmation');
    expect(decision.kind === 'needs_confirmation' && decision.demoted.map((s) => s.person.id)).toEqual(['person-3', 'person-4']);
  });

  it('once agreed, moves them to the front of the waitlist keeping their queue numbers, and does not tell them of the edit', () => {
    const offer = buildOffer({ capacity: 4 });
    const signUps = buildSignUps(offer, 5);
    const decision = decideOfferEdit(offer, signUps, draftOf(offer, { capacity: 2, location: 'Hall' }), context(2));
    if (decision.kind !== 'apply') throw new Error(decision.kind);
    expect(decision.demoted.map((s) => [s.person.id, s.status, s.queueNumber])).toEqual([
      ['person-3', 'waitlisted', 3],
      ['person-4', 'waitlisted', 4],
    ]);
    expect(decision.toTell.map((s) => s.person.id)).toEqual(['person-1', 'person-2']);
    expect(decision.promoted).toEqual([]);
  });

  it('asks again when more people would move than the author agreed to (someone signed up meanwhile)', () => {
    const offer = buildOffer({ capacity: 5 });
    const decision = decideOfferEdit(offer, buildSignUps(offer, 5), draftOf(offer, { capacity: 2 }), context(2));
    expect(decision.kind === 'needs_confirmation' && decision.demoted).toHaveLength(3);
  });

  it('fills new places from the waitlist in order when capacity rises', () => {
    const offer = buildOffer({ capacity: 2 });
    const decision = decideOfferEdit(offer, buildSignUps(offer, 5), draftOf(offer, { capacity: 4 }), context());
    expect(decision.kind === 'apply' && decision.promoted.map((s) => [s.person.id, s.status])).toEqual([
      ['person-3', 'confirmed'],
      ['person-4', 'confirmed'],
    ]);
  });

  describe('of a group offer’s places per school', () => {
    /** Six confirmed (a a a b b c by queue) of ten places, then two waiting from c and b; no quota yet. */
    const groupOffer = () => buildOffer({ capacity: 10, groupId: 'cluster-1' });
    const rows = (offer: ReturnType<typeof buildOffer>) =>
      ['a', 'a', 'a', 'b', 'b', 'c'].map((school, i) => ({ ...buildSignUps(offer, 6)[i]!, schoolId: school }));

    it('asks before moving a school’s latest confirmations back to the waitlist when its limit drops below what it holds', () => {
      const offer = groupOffer();
      const decision = decideOfferEdit(offer, rows(offer), draftOf(offer, { quotaPerSchool: 1 }), context());
      expect(decision.kind === 'needs_confirmation' && decision.demoted.map((s) => s.person.id)).toEqual(['person-2', 'person-3', 'person-5']);
    });

    it('once agreed, no school holds more than the new limit, and the places it gave back go to people waiting from other schools', () => {
      const offer = groupOffer();
      const waiting = [
        { ...buildSignUps(offer, 8)[6]!, schoolId: 'a', status: 'waitlisted' as const },
        { ...buildSignUps(offer, 8)[7]!, schoolId: 'd', status: 'waitlisted' as const },
      ];
      const decision = decideOfferEdit(offer, [...rows(offer), ...waiting], draftOf(offer, { quotaPerSchool: 2 }), context(1));
      if (decision.kind !== 'apply') throw new Error(decision.kind);
      expect(decision.demoted.map((s) => [s.person.id, s.status])).toEqual([['person-3', 'waitlisted']]);
      // a (now at its limit) is passed over; d is not.
      expect(decision.promoted.map((s) => s.person.id)).toEqual(['person-8']);
    });

    it('a higher limit fills from the waitlist those it had held back, in queue order', () => {
      const offer = buildOffer({ capacity: 10, groupId: 'cluster-1', quotaPerSchool: 1 });
      const signUps = ['a', 'a', 'b', 'a'].map((school, i) => ({ ...buildSignUps(offer, 4)[i]!, schoolId: school, status: i === 0 || i === 2 ? ('confirmed' as const) : ('waitlisted' as const) }));
      const decision = decideOfferEdit(offer, signUps, draftOf(offer, { quotaPerSchool: 2 }), context());
      expect(decision.kind === 'apply' && decision.promoted.map((s) => s.person.id)).toEqual(['person-2']);
    });
  });

  it('refuses to edit a cancelled or started session', () => {
    const cancelled = buildOffer({ status: 'cancelled' });
    expect(() => decideOfferEdit(cancelled, [], draftOf(cancelled, { title: 'x' }), context())).toThrow(DomainError);
    const started = buildOffer({ startsAt: shift(testNow, { hours: -1 }), signUpsCloseAt: shift(testNow, { days: -1 }) });
    expect(() => decideOfferEdit(started, [], draftOf(started, { title: 'x' }), context())).toThrow(expect.objectContaining({ code: 'offer_closed_for_changes' }));
  });

  it('refuses an invalid draft with the problems by field', () => {
    const offer = buildOffer();
    expect(() => decideOfferEdit(offer, [], draftOf(offer, { endsAt: offer.startsAt }), context())).toThrow(expect.objectContaining({ code: 'invalid_offer', fieldErrors: { endTime: expect.any(String) } }));
  });

  it('lets a closing time that has already passed stay as it was', () => {
    const offer = buildOffer({ startsAt: shift(testNow, { days: 1 }), signUpsCloseAt: shift(testNow, { hours: -2 }) });
    expect(offerEditProblems(offer, draftOf(offer, { location: 'Hall' }), testNow, testCatalogue)).toEqual({});
    expect(offerEditProblems(offer, draftOf(offer, { signUpsCloseAt: shift(testNow, { hours: -1 }) }), testNow, testCatalogue)).toHaveProperty('closesDate');
  });
});

describe('deciding a cancellation', () => {
  it('tells everyone confirmed or waitlisted, not those who withdrew', () => {
    const offer = buildOffer({ capacity: 1 });
    const [first, second, third] = buildSignUps(offer, 3);
    const decision = decideCancellation(offer, [first!, second!, { ...third!, status: 'withdrawn' }], testNow);
    expect(decision.offer.status).toBe('cancelled');
    expect(decision.toTell.map((s) => s.person.id)).toEqual(['person-1', 'person-2']);
  });

  it('is urgent within 24 hours of the start, and not before', () => {
    const soon = buildOffer({ startsAt: shift(testNow, { hours: 23 }), signUpsCloseAt: shift(testNow, { hours: 1 }) });
    const later = buildOffer({ startsAt: shift(testNow, { hours: 25 }), signUpsCloseAt: shift(testNow, { hours: 1 }) });
    expect(decideCancellation(soon, [], testNow).urgent).toBe(true);
    expect(decideCancellation(later, [], testNow).urgent).toBe(false);
  });

  it('refuses to cancel twice', () => {
    expect(() => decideCancellation(buildOffer({ status: 'cancelled' }), [], testNow)).toThrow(expect.objectContaining({ code: 'offer_closed_for_changes' }));
  });
});

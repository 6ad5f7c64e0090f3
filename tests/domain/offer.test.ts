import { DomainError } from '../../bot/domain/errors';
import { createOffer, Offer, offerDraftProblems, signUpRefusal, withdrawalRefusal } from '../../bot/domain/offer';
import { TagCatalogue } from '../../bot/domain/tags';
import { buildDraft, buildOffer, shift, sltMember, testCatalogue, testNow } from '../factories/offers';

const now = testNow;
const problemsOf = (overrides: Parameters<typeof buildDraft>[0], catalogue: TagCatalogue = testCatalogue) =>
  offerDraftProblems(buildDraft(overrides), now, catalogue);

function thrown(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('offer draft rules', () => {
  it('a complete draft in the future has no problems', () => {
    expect(problemsOf({})).toEqual({});
  });

  it('a title is required (blank or spaces only is refused)', () => {
    expect(problemsOf({ title: '' })).toEqual({ title: expect.any(String) });
    expect(problemsOf({ title: '   ' })).toEqual({ title: expect.any(String) });
  });

  describe('the session ends after it starts', () => {
    const startsAt = shift(now, { days: 3 });

    it('ending before the start is refused', () => {
      expect(problemsOf({ startsAt, endsAt: shift(startsAt, { minutes: -30 }) })).toEqual({ endTime: expect.any(String) });
    });

    it('ending at the very moment it starts is refused', () => {
      expect(problemsOf({ startsAt, endsAt: startsAt })).toEqual({ endTime: expect.any(String) });
    });

    it('ending a minute after the start is fine', () => {
      expect(problemsOf({ startsAt, endsAt: shift(startsAt, { minutes: 1 }) })).toEqual({});
    });
  });

  describe('the session starts in the future', () => {
    it('a session starting now is refused', () => {
      expect(problemsOf({ startsAt: now, signUpsCloseAt: now })).toEqual({ startDate: expect.any(String), closesDate: expect.any(String) });
    });

    it('a session that already started is refused', () => {
      const startsAt = shift(now, { days: -1 });
      expect(problemsOf({ startsAt })).toEqual(expect.objectContaining({ startDate: expect.any(String) }));
    });
  });

  describe('sign-ups close before the session starts', () => {
    const startsAt = shift(now, { days: 3 });

    it('closing after the start is refused', () => {
      expect(problemsOf({ startsAt, signUpsCloseAt: shift(startsAt, { minutes: 1 }) })).toEqual({ closesDate: expect.any(String) });
    });

    it('closing before the start is fine', () => {
      expect(problemsOf({ startsAt, signUpsCloseAt: shift(startsAt, { hours: -2 }) })).toEqual({});
    });

    it('closing at the very moment it starts is fine', () => {
      expect(problemsOf({ startsAt, signUpsCloseAt: startsAt })).toEqual({});
    });

    it('closing in the past is refused: the offer would be closed the moment it is posted', () => {
      expect(problemsOf({ startsAt, signUpsCloseAt: shift(now, { minutes: -1 }) })).toEqual({ closesDate: 'Sign-ups must close in the future.' });
    });
  });

  describe('capacity is a positive whole number', () => {
    it.each([0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('capacity %p is refused', (capacity) => {
      expect(problemsOf({ capacity })).toEqual({ capacity: expect.any(String) });
    });

    it.each([1, 20, 500])('capacity %p is fine', (capacity) => {
      expect(problemsOf({ capacity })).toEqual({});
    });
  });

  describe('tags come from the catalogue', () => {
    const catalogue: TagCatalogue = { standards: ['Values', 'Skills'], priorities: ['Literacy', 'Wellbeing'] };

    it('known tags, or none at all, are fine', () => {
      expect(problemsOf({ tags: { standards: ['Skills'], priorities: ['Literacy', 'Wellbeing'] } }, catalogue)).toEqual({});
      expect(problemsOf({ tags: { standards: [], priorities: [] } }, catalogue)).toEqual({});
    });

    it('an unknown standard area is refused and named', () => {
      const problems = problemsOf({ tags: { standards: ['Skills', 'Juggling', 'Knitting'], priorities: [] } }, catalogue);
      expect(Object.keys(problems)).toEqual(['standards']);
      expect(problems.standards).toContain('Juggling, Knitting');
      expect(problems.standards).not.toContain('Skills');
    });

    it('an unknown improvement priority is refused and named', () => {
      const problems = problemsOf({ tags: { standards: [], priorities: ['Numeracy'] } }, catalogue);
      expect(Object.keys(problems)).toEqual(['priorities']);
      expect(problems.priorities).toContain('Numeracy');
    });

    it('tags are matched exactly (no case folding)', () => {
      expect(problemsOf({ tags: { standards: ['skills'], priorities: [] } }, catalogue)).toEqual({ standards: expect.any(String) });
    });
  });

  describe('a location or an online link', () => {
    it('neither is refused', () => {
      expect(problemsOf({ location: null, onlineLink: null })).toEqual({ location: expect.any(String) });
    });

    it('only an online link is fine', () => {
      expect(problemsOf({ location: null, onlineLink: 'https://teams.microsoft.com/l/meetup-join/abc' })).toEqual({});
    });

    it('only a location is fine', () => {
      expect(problemsOf({ location: 'Room 12', onlineLink: null })).toEqual({});
    });

    it('both are fine', () => {
      expect(problemsOf({ location: 'Room 12', onlineLink: 'https://example.org/join' })).toEqual({});
    });
  });

  it('every problem is reported at once, one per field', () => {
    const startsAt = shift(now, { days: -1 });
    const problems = problemsOf({
      title: ' ',
      capacity: 0,
      startsAt,
      endsAt: startsAt,
      signUpsCloseAt: shift(startsAt, { hours: 1 }),
      location: null,
      onlineLink: null,
      tags: { standards: ['Nope'], priorities: ['Nor this'] },
    });
    expect(Object.keys(problems).sort()).toEqual(
      ['capacity', 'closesDate', 'endTime', 'location', 'priorities', 'standards', 'startDate', 'title'].sort(),
    );
  });
});

describe('creating an offer', () => {
  const context = { id: 'offer-42', schoolId: 'school-7', author: sltMember, now, catalogue: testCatalogue };

  it('a valid draft becomes an open offer at revision 1, by its author, now', () => {
    const draft = buildDraft({ title: '  Restorative practice  ', description: '\nBring a case study.\n' });
    const offer = createOffer(draft, context);
    expect(offer).toEqual<Offer>({
      ...draft,
      title: 'Restorative practice',
      description: 'Bring a case study.',
      id: 'offer-42',
      schoolId: 'school-7',
      status: 'open',
      createdBy: sltMember,
      createdAt: now,
      revision: 1,
    });
  });

  it('an invalid draft is refused as invalid_offer with the problems per field', () => {
    const error = thrown(() => createOffer(buildDraft({ capacity: 0, location: null, onlineLink: null }), context));
    expect(error.code).toBe('invalid_offer');
    expect(error.fieldErrors).toEqual({ capacity: expect.any(String), location: expect.any(String) });
  });
});

describe('when sign-ups are accepted', () => {
  const offer = buildOffer();

  it('an open offer before its closing time accepts sign-ups', () => {
    expect(signUpRefusal(offer, shift(offer.signUpsCloseAt, { ms: -1 }))).toBeNull();
  });

  it('no sign-up at or after closing time (signups_closed)', () => {
    expect(signUpRefusal(offer, offer.signUpsCloseAt)?.code).toBe('signups_closed');
    expect(signUpRefusal(offer, shift(offer.signUpsCloseAt, { hours: 1 }))?.code).toBe('signups_closed');
  });

  it('no sign-up on a closed offer, even before its closing time (signups_closed)', () => {
    expect(signUpRefusal({ ...offer, status: 'closed' }, testNow)?.code).toBe('signups_closed');
  });

  it('no sign-up on a cancelled offer (offer_cancelled), whatever the time', () => {
    const cancelled: Offer = { ...offer, status: 'cancelled' };
    expect(signUpRefusal(cancelled, testNow)?.code).toBe('offer_cancelled');
    expect(signUpRefusal(cancelled, shift(offer.signUpsCloseAt, { hours: 1 }))?.code).toBe('offer_cancelled');
  });
});

describe('when withdrawals are accepted', () => {
  const offer = buildOffer();

  it('withdrawing stays possible after sign-ups close, until the session starts', () => {
    expect(withdrawalRefusal(offer, shift(offer.signUpsCloseAt, { hours: 1 }))).toBeNull();
    expect(withdrawalRefusal(offer, shift(offer.startsAt, { ms: -1 }))).toBeNull();
  });

  it('withdrawing once the session started is refused (session_started)', () => {
    expect(withdrawalRefusal(offer, offer.startsAt)?.code).toBe('session_started');
    expect(withdrawalRefusal(offer, offer.endsAt)?.code).toBe('session_started');
  });
});

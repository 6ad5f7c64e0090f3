import { DomainError } from '../../bot/domain/errors';
import {
  countsTowardHours,
  decideCancel,
  decideReflection,
  decideResponse,
  newObservation,
  ObservationDraft,
  observationActionsFor,
  observationCountsOf,
  observationDraftProblems,
  ObservationReflection,
  observedOf,
  observerOf,
  PeerObservation,
  readableReflections,
  reflectionRefusal,
} from '../../bot/domain/peerObservation';
import { defaultTagCatalogue, gtcsStandardAreas } from '../../bot/domain/tags';

const now = new Date('2026-11-02T09:00:00Z');
const at = (iso: string) => new Date(iso);
const ann = { id: 'ann', name: 'Ann Host' };
const bob = { id: 'bob', name: 'Bob Visitor' };

const draft = (overrides: Partial<ObservationDraft> = {}): ObservationDraft => ({
  kind: 'offer',
  initiator: ann,
  colleague: bob,
  focus: { kind: 'standard', label: gtcsStandardAreas[2]! },
  startsAt: at('2026-11-05T10:00:00Z'),
  endsAt: at('2026-11-05T10:50:00Z'),
  timeZone: 'Europe/London',
  place: 'S2 maths, room 12',
  ...overrides,
});

const offered = (overrides: Partial<ObservationDraft> = {}) => newObservation({ id: 'obs-1', schoolId: 'school-1', draft: draft(overrides), now, catalogue: defaultTagCatalogue });
const afterVisit = at('2026-11-05T11:00:00Z');

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
}

const reflection = (observation: PeerObservation, person = ann): ObservationReflection =>
  decideReflection({ observation, person, existing: undefined, answers: { noticed: 'Pupils explained their reasoning to each other.', takeaway: 'Try paired talk.', goalId: null }, goalChoices: [], now: afterVisit });

describe('peer observation: offering or requesting a visit', () => {
  it('starts pending, with the visitor and the visited told apart by kind', () => {
    const offer = offered();
    expect(offer).toMatchObject({ status: 'pending', revision: 1, decidedAt: null });
    expect([observerOf(offer).id, observedOf(offer).id]).toEqual(['bob', 'ann']);
    const request = offered({ kind: 'request' });
    expect([observerOf(request).id, observedOf(request).id]).toEqual(['ann', 'bob']);
  });

  it('refuses oneself as colleague, a focus not in the catalogue, a past time, an end before the start, and over four hours', () => {
    expect(observationDraftProblems(draft({ colleague: ann }), now, defaultTagCatalogue)).toHaveProperty('colleague');
    expect(observationDraftProblems(draft({ focus: { kind: 'priority', label: 'Whatever I like' } }), now, defaultTagCatalogue)).toHaveProperty('focus');
    expect(observationDraftProblems(draft({ startsAt: at('2026-11-01T10:00:00Z') }), now, defaultTagCatalogue)).toHaveProperty('startTime');
    expect(observationDraftProblems(draft({ endsAt: at('2026-11-05T09:00:00Z') }), now, defaultTagCatalogue)).toHaveProperty('endTime');
    expect(observationDraftProblems(draft({ endsAt: at('2026-11-05T14:01:00Z') }), now, defaultTagCatalogue)).toHaveProperty('endTime');
    expect(codeOf(() => offered({ colleague: ann }))).toBe('invalid_observation');
    expect(observationDraftProblems(draft(), now, defaultTagCatalogue)).toEqual({});
  });
});

describe('peer observation: answering', () => {
  it('the colleague accepts or declines once, before the visit; the revision rises', () => {
    const accepted = decideResponse(offered(), 'bob', 'accepted', now);
    expect(accepted).toMatchObject({ status: 'accepted', decidedAt: now, revision: 2 });
    expect(codeOf(() => decideResponse(accepted, 'bob', 'declined', now))).toBe('observation_already_decided');
    expect(codeOf(() => decideResponse(offered(), 'bob', 'accepted', at('2026-11-05T10:00:00Z')))).toBe('observation_closed');
  });

  it('only the colleague may answer; a third person is refused as not theirs', () => {
    expect(codeOf(() => decideResponse(offered(), 'ann', 'accepted', now))).toBe('observation_not_yours');
    expect(codeOf(() => decideResponse(offered(), 'eve', 'accepted', now))).toBe('observation_not_yours');
  });

  it('either of the two may cancel before it starts; no one else', () => {
    expect(decideCancel(offered(), 'ann', now).status).toBe('cancelled');
    expect(decideCancel(decideResponse(offered(), 'bob', 'accepted', now), 'bob', now).status).toBe('cancelled');
    expect(codeOf(() => decideCancel(offered(), 'eve', now))).toBe('observation_not_yours');
    expect(codeOf(() => decideCancel(offered(), 'ann', afterVisit))).toBe('observation_closed');
  });
});

describe('peer observation: reflections and hours', () => {
  const accepted = () => decideResponse(offered(), 'bob', 'accepted', now);

  it('opens to the two once an accepted visit has ended', () => {
    expect(reflectionRefusal(accepted(), 'ann', at('2026-11-05T10:30:00Z'))?.code).toBe('observation_not_open');
    expect(reflectionRefusal(offered(), 'ann', afterVisit)?.code).toBe('observation_not_open');
    expect(reflectionRefusal(accepted(), 'eve', afterVisit)?.code).toBe('observation_not_yours');
    expect(reflectionRefusal(accepted(), 'ann', afterVisit)).toBeNull();
  });

  it('needs what was noticed, keeps lengths, and names only one of the person’s own goals', () => {
    const base = { observation: accepted(), person: ann, existing: undefined, now: afterVisit };
    expect(codeOf(() => decideReflection({ ...base, answers: { noticed: '  ', takeaway: '', goalId: null }, goalChoices: [] }))).toBe('invalid_observation_reflection');
    expect(codeOf(() => decideReflection({ ...base, answers: { noticed: 'x', takeaway: '', goalId: 'someone-elses' }, goalChoices: [{ id: 'mine' }] }))).toBe('invalid_observation_reflection');
    const saved = decideReflection({ ...base, answers: { noticed: '  Calm start  ', takeaway: '', goalId: 'mine' }, goalChoices: [{ id: 'mine' }] });
    expect(saved).toMatchObject({ noticed: 'Calm start', goalId: 'mine', submittedAt: afterVisit, updatedAt: afterVisit });
  });

  it('each sees both reflections once they have written their own; a third person is refused', () => {
    const visit = accepted();
    const annsOwn = reflection(visit, ann);
    expect(readableReflections(visit, 'bob', [annsOwn])).toEqual([]);
    expect(readableReflections(visit, 'ann', [annsOwn])).toEqual([annsOwn]);
    const bobsOwn = reflection(visit, bob);
    expect(readableReflections(visit, 'bob', [annsOwn, bobsOwn])).toHaveLength(2);
    expect(codeOf(() => readableReflections(visit, 'eve', [annsOwn, bobsOwn]))).toBe('observation_not_yours');
  });

  it('counts its duration for each person once they have reflected, and gives managers numbers only', () => {
    const visit = accepted();
    const annsOwn = reflection(visit, ann);
    expect(countsTowardHours(visit, 'ann', [annsOwn])).toBe(true);
    expect(countsTowardHours(visit, 'bob', [annsOwn])).toBe(false);
    const declined = { ...offered(), id: 'obs-2', status: 'declined' as const };
    const counts = observationCountsOf(['ann', 'bob', 'eve'], [visit, declined], [annsOwn], afterVisit);
    expect(counts).toEqual([
      { personId: 'ann', arranged: 1, visited: 1, reflected: 1, minutes: 50 },
      { personId: 'bob', arranged: 1, visited: 1, reflected: 0, minutes: 0 },
      { personId: 'eve', arranged: 0, visited: 0, reflected: 0, minutes: 0 },
    ]);
    expect(JSON.stringify(counts)).not.toContain('Pupils explained');
  });
});

describe('what a person can do with their own observations now (the "my observations" buttons)', () => {
  it('the colleague may answer a pending one before it starts; either may cancel; after an accepted visit each may reflect, then read', () => {
    const pending = offered();
    expect(observationActionsFor(pending, bob.id, false, now)).toEqual(['accept', 'decline', 'cancel']);
    expect(observationActionsFor(pending, ann.id, false, now)).toEqual(['cancel']);
    expect(observationActionsFor(pending, 'eve', false, now)).toEqual([]);

    const accepted = decideResponse(pending, bob.id, 'accepted', now);
    expect(observationActionsFor(accepted, ann.id, false, now)).toEqual(['cancel']);
    expect(observationActionsFor(accepted, ann.id, false, afterVisit)).toEqual(['reflect']);
    expect(observationActionsFor(accepted, ann.id, true, afterVisit)).toEqual(['reflect', 'read']);
    // A pending one whose time passed unanswered, a declined or a cancelled one: nothing to do.
    expect(observationActionsFor(pending, bob.id, false, afterVisit)).toEqual([]);
    expect(observationActionsFor(decideResponse(pending, bob.id, 'declined', now), ann.id, false, now)).toEqual([]);
    expect(observationActionsFor(decideCancel(accepted, ann.id, now), bob.id, false, afterVisit)).toEqual([]);
  });
});

import { myClplRecord } from '../../../bot/app/goals/clplRecordUseCases';
import { GoalDependencies } from '../../../bot/app/goals/goalDependencies';
import { eraseEverywhere } from '../../../bot/app/privacy/erasePerson';
import { downloadPersonalRecord, RecordDependencies } from '../../../bot/app/privacy/personalRecord';
import { myplEntries } from '../../../bot/domain/mypl';
import { erasedPersonName } from '../../../bot/domain/erasure';
import { ObservationReflection, PeerObservation } from '../../../bot/domain/peerObservation';
import { buildDependencies, FakeClock, schoolId, shift, sltMember, testNow } from '../../factories';
import type { StoreFixture } from './storeContract';

const ann = { id: 'aad-ann-obs', name: 'Ann Host' };
const bob = { id: 'aad-bob-obs', name: 'Bob Visitor' };

const observation = (id: string, startsAt: Date, overrides: Partial<PeerObservation> = {}): PeerObservation => ({
  id,
  schoolId,
  kind: 'offer',
  initiator: ann,
  colleague: bob,
  focus: { kind: 'standard', label: 'Professional skills and abilities' },
  startsAt,
  endsAt: shift(startsAt, { minutes: 50 }),
  timeZone: 'Europe/London',
  place: 'Room 12',
  status: 'accepted',
  createdAt: shift(startsAt, { days: -3 }),
  decidedAt: shift(startsAt, { days: -2 }),
  revision: 2,
  ...overrides,
});

const reflection = (observationId: string, person: { id: string; name: string }, noticed: string, at: Date): ObservationReflection => ({
  observationId,
  person,
  noticed,
  takeaway: 'Try it',
  goalId: null,
  submittedAt: at,
  updatedAt: at,
});

/** Peer observations and their reflections (ports/peerObservationStore.ts), declared once for every database. */
export function describePeerObservationContract(db: StoreFixture): void {
  describe('peer observation', () => {
    const past = observation('obs-past', shift(testNow, { days: -5 }));
    const next = observation('obs-next', shift(testNow, { days: 4 }), { kind: 'request', initiator: bob, colleague: ann, status: 'pending', decidedAt: null, revision: 1 });

    async function seeded() {
      const stores = await db.withSchool();
      await stores.peerObservations.transaction(async (tx) => {
        await tx.insertObservation(past);
        await tx.insertObservation(next);
        await tx.saveReflection(reflection(past.id, ann, 'Ann noticed calm routines', shift(testNow, { days: -4 })));
        await tx.saveReflection(reflection(past.id, bob, 'Bob noticed paired talk', shift(testNow, { days: -4 })));
      });
      return stores;
    }

    it('keeps an observation whole, lists each person’s from either side, and saves a decision with its revision', async () => {
      const stores = await seeded();
      expect(await stores.peerObservations.findObservation(past.id)).toEqual(past);
      expect((await stores.peerObservations.observationsOf(ann.id)).map((o) => o.id)).toEqual([past.id, next.id]);
      expect((await stores.peerObservations.observationsOf(bob.id, testNow)).map((o) => o.id)).toEqual([next.id]);
      const accepted = { ...next, status: 'accepted' as const, decidedAt: testNow, revision: 2 };
      await stores.peerObservations.transaction(async (tx) => tx.updateObservation(accepted));
      expect(await stores.peerObservations.findObservation(next.id)).toEqual(accepted);
      expect(await stores.peerObservations.findObservation('no-such')).toBeUndefined();
    });

    it('keeps one reflection per person per visit; a change replaces it but not when it was first written', async () => {
      const stores = await seeded();
      const first = (await stores.peerObservations.reflectionsFor(past.id)).find((r) => r.person.id === ann.id)!;
      const changed = { ...first, noticed: 'Changed', goalId: 'goal-1', submittedAt: testNow, updatedAt: testNow };
      await stores.peerObservations.transaction((tx) => tx.saveReflection(changed));
      const kept = (await stores.peerObservations.reflectionsBy(ann.id))[0];
      expect(kept).toEqual({ ...changed, submittedAt: first.submittedAt });
      expect(await stores.peerObservations.reflectionsFor(past.id)).toHaveLength(2);
      const school = await stores.peerObservations.observationsOfSchool(schoolId, shift(testNow, { days: -30 }), testNow);
      expect(school.observations.map((o) => o.id)).toEqual([past.id]);
      expect(school.reflections).toHaveLength(2);
    });

    it('the record export holds the person’s own reflection only, never the colleague’s', async () => {
      const stores = await seeded();
      const record = await stores.subjectAccess.personalDataOf(ann.id);
      expect(record.peerObservations.map((o) => [o.observationId, o.role, o.colleague.name, o.reflection?.noticed ?? null])).toEqual([
        [past.id, 'observed', bob.name, 'Ann noticed calm routines'],
        [next.id, 'observed', bob.name, null],
      ]);
      expect(JSON.stringify(record)).not.toContain('Bob noticed');
    });

    it('the record export holds the focus’s kind, for the MyPL entry’s standards', async () => {
      const stores = await seeded();
      const record = await stores.subjectAccess.personalDataOf(ann.id);
      expect(record.peerObservations.map((o) => [o.observationId, o.focus, o.focusKind])).toEqual([
        [past.id, 'Professional skills and abilities', 'standard'],
        [next.id, 'Professional skills and abilities', 'standard'],
      ]);
    });

    it('the tab’s CLPL record, the downloaded record’s hours and the MyPL entries count the same reflected visit', async () => {
      const stores = await seeded();
      // Bob has not reflected on a second visit: it counts for no one yet.
      const unreflected = observation('obs-unreflected', shift(testNow, { days: -3 }));
      await stores.peerObservations.transaction((tx) => tx.insertObservation(unreflected));
      const deps = buildDependencies(stores, { clock: new FakeClock(testNow) });
      const goalDeps: GoalDependencies = {
        goals: stores.goals, activities: stores.clplActivities, offers: stores.offers, evidence: stores.evidence, yearlyTargetHours: 35, workPatterns: stores.workPatterns,
        peerObservations: stores.peerObservations, feedback: deps.evidence.feedback, clock: deps.clock, newId: deps.newId, standardAreas: [], timeZone: 'Europe/London',
      };
      const recordDeps: RecordDependencies = {
        subjectAccess: stores.subjectAccess, downloads: stores.recordDownloads, schools: stores.schools, leadership: { sltIdsOf: () => [] }, goals: stores.goals, clock: deps.clock, timeZone: 'Europe/London',
      };
      for (const person of [ann, bob]) {
        const tab = await myClplRecord(goalDeps, person.id);
        const record = await downloadPersonalRecord(recordDeps, { requester: person, subjectId: person.id, format: 'record.json' });
        const year = record.hoursByYear.find((y) => y.year === tab.hours.year);
        expect([tab.peerObservations.minutes, tab.hours.totalHours]).toEqual([50, 0.83]);
        expect(year).toMatchObject({ observedHours: 0.83, totalHours: tab.hours.totalHours });
        expect(myplEntries(record).map((e) => [e.source, e.hours])).toEqual([[{ kind: 'observation', id: past.id }, 0.83]]);
      }
    });

    it('erasure takes the person’s reflections and name, cancels a visit still to come, and leaves the colleague theirs', async () => {
      const stores = await seeded();
      const deps = buildDependencies(stores, { clock: new FakeClock(testNow) });
      await eraseEverywhere(deps, { schoolId, personId: ann.id, erasedById: sltMember.id, reason: 'request' });
      const kept = (await stores.peerObservations.findObservation(past.id))!;
      expect(kept.initiator.name).toBe(erasedPersonName);
      expect(kept.initiator.id).not.toBe(ann.id);
      expect(kept.colleague).toEqual(bob);
      expect((await stores.peerObservations.reflectionsFor(past.id)).map((r) => r.noticed)).toEqual(['Bob noticed paired talk']);
      expect(await stores.peerObservations.observationsOf(ann.id)).toEqual([]);
      expect((await stores.peerObservations.findObservation(next.id))).toMatchObject({ status: 'cancelled', revision: 2, colleague: { name: erasedPersonName } });
    });
  });
}

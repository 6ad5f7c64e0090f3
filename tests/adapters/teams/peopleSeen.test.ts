import { PeopleSeen, Sighting } from '../../../bot/adapters/teams/peopleSeen';
import { Person } from '../../../bot/domain/person';
import { AddressBook, AddressKey } from '../../../bot/ports/addressBook';
import { SchoolDirectory } from '../../../bot/ports/schoolDirectory';

/** Stores that record each write they are asked for, and can be told to fail or to hold writes back. */
function recordingStores() {
  const memberWrites: Array<Array<{ schoolId: string; person: Person }>> = [];
  const addressWrites: Array<Array<{ key: AddressKey; address: string }>> = [];
  let gate: Promise<void> = Promise.resolve();
  let failure: Error | null = null;
  const schools = {
    async recordMembers(members: ReadonlyArray<{ schoolId: string; person: Person }>) {
      await gate;
      const error = failure;
      failure = null;
      if (error) throw error;
      memberWrites.push([...members]);
    },
  } as unknown as SchoolDirectory;
  const addresses = {
    async saveAllIfAbsent(entries: ReadonlyArray<{ key: AddressKey; address: string }>) {
      addressWrites.push([...entries]);
    },
  } as unknown as AddressBook;
  return {
    stores: { schools, addresses },
    memberWrites,
    addressWrites,
    failNextWrite: (error: Error) => (failure = error),
    /** Writes wait until the returned function is called. */
    holdWrites: () => {
      let open: () => void = () => undefined;
      gate = new Promise<void>((resolve) => (open = resolve));
      return () => open();
    },
  };
}

const sighting = (n: number, address: string | null = `address-${n}`): Sighting => ({
  schoolId: 'school-1',
  person: { id: `person-${n}`, name: `Person ${n}` },
  address,
});

describe('recording people seen in teams', () => {
  it('people seen in the same turn are written together, and each caller waits for the write', async () => {
    const recorded = recordingStores();
    const seen = new PeopleSeen(recorded.stores);
    const settled: number[] = [];
    const all = [1, 2, 3].map((n) => seen.record(sighting(n, n === 2 ? null : `address-${n}`)).then(() => settled.push(n)));
    expect(recorded.memberWrites).toHaveLength(0);
    await Promise.all(all);
    expect(settled.sort()).toEqual([1, 2, 3]);
    expect(recorded.memberWrites).toEqual([[1, 2, 3].map((n) => ({ schoolId: 'school-1', person: sighting(n).person }))]);
    expect(recorded.addressWrites).toEqual([
      [
        { key: { kind: 'person', personId: 'person-1' }, address: 'address-1' },
        { key: { kind: 'person', personId: 'person-3' }, address: 'address-3' },
      ],
    ]);
  });

  it('people seen while a write is running go into the next write, together', async () => {
    const recorded = recordingStores();
    const seen = new PeopleSeen(recorded.stores);
    const releaseFirst = recorded.holdWrites();
    const first = seen.record(sighting(1));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((n) => seen.record(sighting(n)));
    releaseFirst();
    await Promise.all([first, ...later]);
    expect(recorded.memberWrites.map((batch) => batch.map((m) => m.person.id))).toEqual([['person-1'], ['person-2', 'person-3', 'person-4']]);
  });

  it('a failed write is reported to the callers in it, and the next sightings are written normally', async () => {
    const recorded = recordingStores();
    const seen = new PeopleSeen(recorded.stores);
    recorded.failNextWrite(new Error('disk full'));
    await expect(Promise.all([seen.record(sighting(1)), seen.record(sighting(2))])).rejects.toThrow('disk full');
    await seen.record(sighting(3));
    expect(recorded.memberWrites.map((batch) => batch.map((m) => m.person.id))).toEqual([['person-3']]);
  });
});

import { Person } from '../../domain/person';
import { AddressBook } from '../../ports/addressBook';
import { SchoolDirectory } from '../../ports/schoolDirectory';

/** Someone seen in a team: they belong to the school, and `address` reaches them if nothing better is known. */
export interface Sighting {
  schoolId: string;
  person: Person;
  address: string | null;
}

interface Waiting {
  sighting: Sighting;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const maxBatch = 500;

/**
 * Records people seen in team conversations, grouping the writes: everyone seen while the previous write runs (or in
 * the same turn of the event loop) is written together. Each caller still waits until their own sighting is stored,
 * so nothing is lost on a crash, but a burst of first-time sign-ups costs a few commits instead of two each.
 */
export class PeopleSeen {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly stores: { schools: SchoolDirectory; addresses: AddressBook }) {}

  record(sighting: Sighting): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ sighting, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      setImmediate(() => void this.writeWaiting());
    });
  }

  private async writeWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, maxBatch);
      try {
        await this.write(batch.map((w) => w.sighting));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.writing = false;
  }

  /** The two writes are independent and each repeats harmlessly, so they go out together. */
  private async write(sightings: Sighting[]): Promise<void> {
    const addresses = sightings.flatMap(({ person, address }) => (address ? [{ key: { kind: 'person' as const, personId: person.id }, address }] : []));
    await Promise.all([
      this.stores.schools.recordMembers(sightings.map(({ schoolId, person }) => ({ schoolId, person }))),
      this.stores.addresses.saveAllIfAbsent(addresses),
    ]);
  }
}

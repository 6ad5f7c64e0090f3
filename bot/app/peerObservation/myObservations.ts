import { countsTowardHours, observationMinutes, ObservationReflection, PeerObservation } from '../../domain/peerObservation';
import { AppDependencies } from '../dependencies';

export interface MyObservation {
  observation: PeerObservation;
  /** Whether this person has written their reflection (its text is read through readObservationReflections). */
  reflected: boolean;
}

/** The person's peer observations from `from` (all when absent), soonest first. */
export async function myObservations(deps: AppDependencies, personId: string, from?: Date): Promise<MyObservation[]> {
  const [observations, own] = await Promise.all([deps.stores.peerObservations.observationsOf(personId, from), deps.stores.peerObservations.reflectionsBy(personId)]);
  return observations.map((observation) => ({ observation, reflected: own.some((r) => r.observationId === observation.id) }));
}

/** The visits that count toward the person's CLPL hours between two instants, with their minutes. */
export async function observationHoursOf(deps: AppDependencies, personId: string, from: Date, to: Date): Promise<{ observation: PeerObservation; minutes: number }[]> {
  const [observations, own]: [PeerObservation[], ObservationReflection[]] = await Promise.all([
    deps.stores.peerObservations.observationsOf(personId, from),
    deps.stores.peerObservations.reflectionsBy(personId),
  ]);
  return observations
    .filter((o) => o.startsAt.getTime() < to.getTime() && countsTowardHours(o, personId, own))
    .map((observation) => ({ observation, minutes: observationMinutes(observation) }));
}

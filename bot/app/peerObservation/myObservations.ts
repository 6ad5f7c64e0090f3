import { countsTowardHours, ObservationAction, observationActionsFor, observationMinutes, ObservationReflection, PeerObservation } from '../../domain/peerObservation';
import { schoolYear, schoolYearStartOf } from '../../domain/terms';
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

export interface MyObservationsThisYear {
  yearLabel: string;
  now: Date;
  /** Visits still to come (soonest first), then those past (latest first). */
  visits: Array<MyObservation & { actions: ObservationAction[]; countedMinutes: number }>;
}

/**
 * The person's own peer observations this school year ("my observations"): each with what they can do with it now
 * and the minutes it counts toward their hours (those of myAttendedHours). Only the person's own; never a reflection's text.
 */
export async function myObservationsThisYear(deps: AppDependencies, personId: string): Promise<MyObservationsThisYear> {
  const now = deps.clock.now();
  const year = schoolYear(schoolYearStartOf(now, deps.evidence.timeZone), deps.evidence.timeZone);
  const [observations, own] = await Promise.all([deps.stores.peerObservations.observationsOf(personId, year.from), deps.stores.peerObservations.reflectionsBy(personId)]);
  const inYear = observations.filter((o) => o.startsAt.getTime() < year.to.getTime());
  const toCome = inYear.filter((o) => o.endsAt.getTime() > now.getTime());
  const past = inYear.filter((o) => o.endsAt.getTime() <= now.getTime()).reverse();
  return {
    yearLabel: year.label,
    now,
    visits: [...toCome, ...past].map((observation) => {
      const reflected = own.some((r) => r.observationId === observation.id);
      return {
        observation,
        reflected,
        actions: observationActionsFor(observation, personId, reflected, now),
        countedMinutes: countsTowardHours(observation, personId, own) ? observationMinutes(observation) : 0,
      };
    }),
  };
}

import { PeerObservation } from '../../domain/peerObservation';
import { ObservationNoticeVisit } from '../../ports/observationNotices';

/** The visit as every notice about it describes it. */
export function visitOf(observation: PeerObservation): ObservationNoticeVisit {
  return {
    observationId: observation.id,
    observationKind: observation.kind,
    focus: observation.focus.label,
    startsAt: observation.startsAt.toISOString(),
    endsAt: observation.endsAt.toISOString(),
    timeZone: observation.timeZone,
    place: observation.place,
  };
}

export function observationReflectionsKey(observationId: string): string {
  return `observation_reflections:${observationId}`;
}

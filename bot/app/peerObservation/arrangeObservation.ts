import { DomainError } from '../../domain/errors';
import { newObservation, ObservationFocus, ObservationKind, PeerObservation } from '../../domain/peerObservation';
import { Person } from '../../domain/person';
import { AppDependencies } from '../dependencies';
import { visitOf } from './observationNotices';

export interface ArrangeInput {
  schoolId: string;
  initiator: Person;
  kind: ObservationKind;
  /** A colleague known in the school (seen in its teams or on its roster), by id. */
  colleagueId: string;
  focus: ObservationFocus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string;
}

/**
 * A member of staff offers their lesson for a peer observation, or asks to observe a colleague's. The colleague must be
 * known in the same school; they are asked 1:1 to accept or decline, in the same transaction that keeps it.
 */
export async function arrangeObservation(deps: AppDependencies, input: ArrangeInput): Promise<PeerObservation> {
  const members = await deps.stores.schools.listMembers(input.schoolId);
  const colleague = members.find((m) => m.id === input.colleagueId);
  if (!colleague) throw new DomainError('invalid_observation', 'Choose a colleague from your school.', { colleague: 'Choose a colleague from the list.' });
  const now = deps.clock.now();
  const observation = newObservation({
    id: `observation-${deps.newId()}`,
    schoolId: input.schoolId,
    draft: { kind: input.kind, initiator: input.initiator, colleague, focus: input.focus, startsAt: input.startsAt, endsAt: input.endsAt, timeZone: input.timeZone, place: input.place },
    now,
    catalogue: deps.tagCatalogue,
  });
  await deps.stores.peerObservations.transaction(async (tx) => {
    await tx.insertObservation(observation);
    await tx.enqueueNotice(
      {
        idempotencyKey: `observation_invite:${observation.id}`,
        schoolId: observation.schoolId,
        recipientId: colleague.id,
        notice: { kind: 'observation_invite', ...visitOf(observation), initiatorName: input.initiator.name },
      },
      now,
    );
  });
  deps.afterCommit.noticesQueued();
  return observation;
}

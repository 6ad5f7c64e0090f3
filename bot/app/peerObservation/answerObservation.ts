import { DomainError } from '../../domain/errors';
import { decideCancel, decideResponse, partnerOf, PeerObservation } from '../../domain/peerObservation';
import { Person } from '../../domain/person';
import { AppDependencies } from '../dependencies';
import { observationReflectionsKey, visitOf } from './observationNotices';

/**
 * The colleague accepts or declines, decided on a fresh locked read. The person who asked is told; on acceptance the
 * reflection requests are scheduled for after the visit (both see it in their calendar feed from now on).
 */
export async function answerObservation(deps: AppDependencies, input: { observationId: string; person: Person; outcome: 'accepted' | 'declined' }): Promise<PeerObservation> {
  const now = deps.clock.now();
  const decided = await deps.stores.peerObservations.transaction(async (tx) => {
    const observation = await tx.lockObservation(input.observationId);
    if (!observation) throw new DomainError('observation_not_found', 'That peer observation no longer exists.');
    const answered = decideResponse(observation, input.person.id, input.outcome, now);
    await tx.updateObservation(answered);
    await tx.enqueueNotice(
      {
        idempotencyKey: `observation_answered:${answered.id}`,
        schoolId: answered.schoolId,
        recipientId: answered.initiator.id,
        notice: { kind: 'observation_answered', ...visitOf(answered), colleagueName: answered.colleague.name, outcome: input.outcome },
      },
      now,
    );
    if (input.outcome === 'accepted') {
      const dueAt = new Date(answered.endsAt.getTime() + deps.evidence.feedback.requestDelayMs);
      await tx.scheduleJob({ key: observationReflectionsKey(answered.id), dueAt, job: { kind: 'observation_reflections', observationId: answered.id } }, now);
    }
    return answered;
  });
  deps.afterCommit.noticesQueued();
  return decided;
}

/** Either of the two calls it off before it starts; the other is told and the reflection requests are dropped. */
export async function cancelObservation(deps: AppDependencies, input: { observationId: string; person: Person }): Promise<PeerObservation> {
  const now = deps.clock.now();
  const cancelled = await deps.stores.peerObservations.transaction(async (tx) => {
    const observation = await tx.lockObservation(input.observationId);
    if (!observation) throw new DomainError('observation_not_found', 'That peer observation no longer exists.');
    const called = decideCancel(observation, input.person.id, now);
    await tx.updateObservation(called);
    await tx.cancelJob(observationReflectionsKey(called.id));
    await tx.enqueueNotice(
      {
        idempotencyKey: `observation_cancelled:${called.id}`,
        schoolId: called.schoolId,
        recipientId: partnerOf(called, input.person.id).id,
        notice: { kind: 'observation_cancelled', ...visitOf(called), byName: input.person.name },
      },
      now,
    );
    return called;
  });
  deps.afterCommit.noticesQueued();
  return cancelled;
}

import { isPseudonym } from '../../domain/erasure';
import { DomainError } from '../../domain/errors';
import {
  decideReflection,
  isParticipant,
  observationGoalChoices,
  ObservationReflection,
  partnerOf,
  PeerObservation,
  readableReflections,
  ReflectionAnswers,
  reflectionRefusal,
  roleOf,
} from '../../domain/peerObservation';
import { deliveryTimeBefore } from '../../domain/quietHours';
import { Person } from '../../domain/person';
import { AppDependencies } from '../dependencies';
import { checkedGoalAnswer, errorReason, GoalChoice, goalOptionsOf, goalStoreOf } from '../feedback/feedbackGoals';
import { evidenceLabel, placeEvidence } from '../goals/goalEvidence';
import { visitOf } from './observationNotices';

/** A year after the visit, as the last time a reflection request may wait for (quiet hours only ever hold it hours). */
const farAfterMs = 365 * 24 * 60 * 60 * 1000;

export function observationGoalOptions(deps: AppDependencies, personId: string, previousGoalId: string | null): Promise<GoalChoice[]> {
  return goalOptionsOf(deps, personId, previousGoalId, observationGoalChoices);
}

/**
 * After the visit: each of the two is asked 1:1 to reflect (once each, by idempotency key), unless it was cancelled or
 * one has already written theirs. Quiet hours hold the requests until morning.
 */
export async function sendObservationReflectionRequests(deps: AppDependencies, observationId: string): Promise<void> {
  const observation = await deps.stores.peerObservations.findObservation(observationId);
  if (!observation || observation.status !== 'accepted') return;
  const people = [observation.initiator, observation.colleague];
  const goals = new Map(await Promise.all(people.map(async (p) => [p.id, await observationGoalOptions(deps, p.id, null)] as const)));
  const now = deps.clock.now();
  const notBefore = deliveryTimeBefore(now, new Date(now.getTime() + farAfterMs), { ...deps.quietHours, timeZone: observation.timeZone });
  let queued = false;
  await deps.stores.peerObservations.transaction(async (tx) => {
    const fresh = await tx.lockObservation(observationId);
    if (!fresh || fresh.status !== 'accepted') return;
    const written = new Set((await tx.reflectionsFor(fresh.id)).map((r) => r.person.id));
    // Someone erased since the visit (a pseudonym) is asked nothing; the colleague still reflects on their own side.
    for (const person of [fresh.initiator, fresh.colleague].filter((p) => !written.has(p.id) && !isPseudonym(p.id))) {
      await tx.enqueueNotice(
        {
          idempotencyKey: `observation_reflection:${fresh.id}:${person.id}`,
          schoolId: fresh.schoolId,
          recipientId: person.id,
          notice: { kind: 'observation_reflection_request', ...visitOf(fresh), partnerName: partnerOf(fresh, person.id).name, role: roleOf(fresh, person.id)!, goals: goals.get(person.id) ?? [] },
          notBefore,
        },
        now,
      );
      queued = true;
    }
  });
  if (queued) deps.afterCommit.noticesQueued();
}

export interface ReflectionFormView {
  observation: PeerObservation;
  existing: ObservationReflection | undefined;
  goalChoices: GoalChoice[];
}

async function findObservation(deps: AppDependencies, observationId: string): Promise<PeerObservation> {
  const observation = await deps.stores.peerObservations.findObservation(observationId);
  if (!observation) throw new DomainError('observation_not_found', 'That peer observation no longer exists.');
  return observation;
}

/** The reflection form for one of the two, with what they wrote before; refused like a submission. */
export async function observationReflectionForm(deps: AppDependencies, input: { observationId: string; personId: string }): Promise<ReflectionFormView> {
  const observation = await findObservation(deps, input.observationId);
  const refusal = reflectionRefusal(observation, input.personId, deps.clock.now());
  if (refusal) throw refusal;
  const existing = (await deps.stores.peerObservations.reflectionsFor(observation.id)).find((r) => r.person.id === input.personId);
  return { observation, existing, goalChoices: await observationGoalOptions(deps, input.personId, existing?.goalId ?? null) };
}

/**
 * One of the two writes or changes their reflection. Committed first; then it is placed as evidence on the goal they
 * chose (and taken off one chosen before), as the goal store may be SharePoint: the reflection is saved either way.
 */
export async function reflectOnObservation(
  deps: AppDependencies,
  input: { observationId: string; person: Person; answers: ReflectionAnswers },
): Promise<ReflectionFormView & { existing: ObservationReflection; goalLinkFailure: string | null }> {
  const now = deps.clock.now();
  const before = await findObservation(deps, input.observationId);
  // A third person learns nothing, not even whether the goals could be read.
  const refusal = reflectionRefusal(before, input.person.id, now);
  if (refusal) throw refusal;
  const previousGoalId = (await deps.stores.peerObservations.reflectionsFor(before.id)).find((r) => r.person.id === input.person.id)?.goalId ?? null;
  const checked = await checkedGoalAnswer(deps, input.person.id, { ...input.answers, relatedGoalId: input.answers.goalId }, previousGoalId, observationGoalChoices);
  let goalLinkFailure = checked.goalLinkFailure;
  const saved = await deps.stores.peerObservations.transaction(async (tx) => {
    const observation = await tx.lockObservation(input.observationId);
    if (!observation) throw new DomainError('observation_not_found', 'That peer observation no longer exists.');
    const existing = (await tx.reflectionsFor(observation.id)).find((r) => r.person.id === input.person.id);
    const reflection = decideReflection({ observation, person: input.person, existing, answers: { ...checked.answers, goalId: checked.answers.relatedGoalId }, goalChoices: checked.choices, now });
    await tx.saveReflection(reflection);
    return { observation, reflection };
  });
  if (checked.ownGoals) {
    try {
      await placeEvidence(
        { goals: goalStoreOf(deps), clock: deps.clock },
        {
          ownerId: input.person.id,
          link: { kind: 'peer_observation', ref: saved.observation.id, label: evidenceLabel(`Peer observation: ${saved.observation.focus.label}`) },
          goalIds: saved.reflection.goalId ? [saved.reflection.goalId] : [],
          known: checked.ownGoals,
        },
      );
    } catch (error) {
      goalLinkFailure = `goal evidence not updated: ${errorReason(error)}`;
    }
  }
  const goalChoices = await observationGoalOptions(deps, input.person.id, saved.reflection.goalId);
  return { observation: saved.observation, existing: saved.reflection, goalChoices, goalLinkFailure };
}

/** What one of the two may read: the visit and the reflections (the partner's once they have written their own). */
export async function readObservationReflections(
  deps: AppDependencies,
  input: { observationId: string; personId: string },
): Promise<{ observation: PeerObservation; reflections: ObservationReflection[]; partnerHasWritten: boolean }> {
  const observation = await findObservation(deps, input.observationId);
  if (!isParticipant(observation, input.personId)) readableReflections(observation, input.personId, []);
  const all = await deps.stores.peerObservations.reflectionsFor(observation.id);
  const partnerId = partnerOf(observation, input.personId).id;
  return { observation, reflections: readableReflections(observation, input.personId, all), partnerHasWritten: all.some((r) => r.person.id === partnerId) };
}

import { DomainError, FieldErrors } from './errors';
import { Goal, isOpenGoal, sortGoals } from './goals';
import { Person } from './person';
import { TagCatalogue } from './tags';

/**
 * Peer observation ("learning visits"): one member of staff offers a lesson to be observed, or asks to observe a
 * colleague's, with a focus (a GTCS standard area or a school priority) and a time. The colleague accepts or declines;
 * after the visit each of the two writes a short, non-judgmental reflection that only the two of them may read.
 * Pure rules, no I/O: app/peerObservation/ loads, decides here and saves.
 *
 * - `offer`: the person who starts it opens their lesson; the colleague visits (observes).
 * - `request`: the person who starts it asks to visit the colleague's lesson.
 */
export const observationKinds = ['offer', 'request'] as const;
export type ObservationKind = (typeof observationKinds)[number];

/** `pending`: offered or requested, waiting for the colleague. */
export const observationStatuses = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type ObservationStatus = (typeof observationStatuses)[number];

export const focusKinds = ['standard', 'priority'] as const;
export type FocusKind = (typeof focusKinds)[number];

export interface ObservationFocus {
  kind: FocusKind;
  /** The catalogue's wording at the time (the catalogue is configuration and may change). */
  label: string;
}

export const maxObservationMinutes = 4 * 60;
export const maxPlaceLength = 200;
export const maxReflectionLength = 1500;

export interface ObservationDraft {
  kind: ObservationKind;
  initiator: Person;
  colleague: Person;
  focus: ObservationFocus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** Class and room, as the two agree; free text, may be empty. */
  place: string;
}

export interface PeerObservation extends ObservationDraft {
  id: string;
  schoolId: string;
  status: ObservationStatus;
  createdAt: Date;
  /** When it was accepted, declined or cancelled. */
  decidedAt: Date | null;
  /** Rises with every change, so a calendar sees a newer version of its event (SEQUENCE). */
  revision: number;
}

/** What one of the two wrote after the visit: what they noticed, described rather than judged, and what they take away. */
export interface ObservationReflection {
  observationId: string;
  person: Person;
  noticed: string;
  takeaway: string;
  /** One of the author's own goals it is evidence for; optional. */
  goalId: string | null;
  submittedAt: Date;
  updatedAt: Date;
}

export type ReflectionAnswers = Pick<ObservationReflection, 'noticed' | 'takeaway' | 'goalId'>;

export type ObservationRole = 'observer' | 'observed';

/** Who visits: the colleague when the lesson was offered, the person who asked when it was requested. */
export function observerOf(observation: Pick<PeerObservation, 'kind' | 'initiator' | 'colleague'>): Person {
  return observation.kind === 'offer' ? observation.colleague : observation.initiator;
}

export function observedOf(observation: Pick<PeerObservation, 'kind' | 'initiator' | 'colleague'>): Person {
  return observation.kind === 'offer' ? observation.initiator : observation.colleague;
}

export function isParticipant(observation: Pick<PeerObservation, 'initiator' | 'colleague'>, personId: string): boolean {
  return observation.initiator.id === personId || observation.colleague.id === personId;
}

export function roleOf(observation: PeerObservation, personId: string): ObservationRole | null {
  if (!isParticipant(observation, personId)) return null;
  return observerOf(observation).id === personId ? 'observer' : 'observed';
}

/** The other one of the two. */
export function partnerOf(observation: Pick<PeerObservation, 'initiator' | 'colleague'>, personId: string): Person {
  return observation.initiator.id === personId ? observation.colleague : observation.initiator;
}

export function observationMinutes(observation: Pick<PeerObservation, 'startsAt' | 'endsAt'>): number {
  return Math.max(0, Math.round((observation.endsAt.getTime() - observation.startsAt.getTime()) / 60_000));
}

const notYours = () => new DomainError('observation_not_yours', 'This peer observation is between two other colleagues: only they can see or change it.');

/** Refused unless the person is one of the two: nobody else reads or answers anything of it, whatever their role. */
export function participantRefusal(observation: PeerObservation, personId: string): DomainError | null {
  return isParticipant(observation, personId) ? null : notYours();
}

/** The rules a new observation keeps, as field → message; empty when it may be sent. */
export function observationDraftProblems(draft: ObservationDraft, now: Date, catalogue: TagCatalogue): FieldErrors {
  const problems: FieldErrors = {};
  if (draft.colleague.id === draft.initiator.id) problems.colleague = 'Choose a colleague other than yourself.';
  const labels = draft.focus.kind === 'standard' ? catalogue.standards : catalogue.priorities;
  if (!labels.includes(draft.focus.label)) problems.focus = 'Choose a focus from the list.';
  if (draft.startsAt.getTime() <= now.getTime()) problems.startTime = 'Choose a time in the future.';
  const minutes = (draft.endsAt.getTime() - draft.startsAt.getTime()) / 60_000;
  if (minutes <= 0) problems.endTime = 'The visit must end after it starts.';
  else if (minutes > maxObservationMinutes) problems.endTime = `Keep a visit to ${maxObservationMinutes / 60} hours or less.`;
  if (draft.place.trim().length > maxPlaceLength) problems.place = `Keep this under ${maxPlaceLength} characters.`;
  return problems;
}

export function newObservation(input: { id: string; schoolId: string; draft: ObservationDraft; now: Date; catalogue: TagCatalogue }): PeerObservation {
  const problems = observationDraftProblems(input.draft, input.now, input.catalogue);
  if (Object.keys(problems).length > 0) throw new DomainError('invalid_observation', 'Some details of the peer observation need another look.', problems);
  return { ...input.draft, place: input.draft.place.trim(), id: input.id, schoolId: input.schoolId, status: 'pending', createdAt: input.now, decidedAt: null, revision: 1 };
}

/** The colleague accepts or declines; only they may, once, before the visit would have started. */
export function decideResponse(observation: PeerObservation, personId: string, outcome: 'accepted' | 'declined', now: Date): PeerObservation {
  const refusal = participantRefusal(observation, personId);
  if (refusal) throw refusal;
  if (observation.colleague.id !== personId) {
    throw new DomainError('observation_not_yours', `${observation.colleague.name} is the one to accept or decline this: you asked them.`);
  }
  if (observation.status !== 'pending') throw new DomainError('observation_already_decided', `This peer observation was already ${observation.status}.`);
  if (now.getTime() >= observation.startsAt.getTime()) throw new DomainError('observation_closed', 'The time for this visit has passed, so it can no longer be accepted.');
  return { ...observation, status: outcome, decidedAt: now, revision: observation.revision + 1 };
}

/** Either of the two may call it off before it starts, while it is pending or accepted. */
export function decideCancel(observation: PeerObservation, personId: string, now: Date): PeerObservation {
  const refusal = participantRefusal(observation, personId);
  if (refusal) throw refusal;
  if (observation.status !== 'pending' && observation.status !== 'accepted') throw new DomainError('observation_already_decided', `This peer observation was already ${observation.status}.`);
  if (now.getTime() >= observation.startsAt.getTime()) throw new DomainError('observation_closed', 'This visit has already started, so it can no longer be cancelled.');
  return { ...observation, status: 'cancelled', decidedAt: now, revision: observation.revision + 1 };
}

/** Why this person cannot write (or change) their reflection now, or null when they can: one of the two, after an accepted visit. */
export function reflectionRefusal(observation: PeerObservation, personId: string, now: Date): DomainError | null {
  const refusal = participantRefusal(observation, personId);
  if (refusal) return refusal;
  if (observation.status !== 'accepted') return new DomainError('observation_not_open', 'Reflections are written after a visit that was accepted and took place.');
  if (now.getTime() < observation.endsAt.getTime()) return new DomainError('observation_not_open', 'You can reflect once the visit has ended.');
  return null;
}

/** The goals the reflection may be evidence for: the person's open goals, and the one chosen before. */
export function observationGoalChoices(goals: readonly Goal[], previousGoalId: string | null): Goal[] {
  return sortGoals(goals.filter((g) => isOpenGoal(g) || g.id === previousGoalId));
}

export function reflectionProblems(answers: ReflectionAnswers, goalChoices: readonly Pick<Goal, 'id'>[]): FieldErrors {
  const problems: FieldErrors = {};
  const noticed = answers.noticed.trim();
  if (noticed === '') problems.noticed = 'Describe what you noticed during the visit.';
  else if (noticed.length > maxReflectionLength) problems.noticed = `Keep this under ${maxReflectionLength} characters.`;
  if (answers.takeaway.trim().length > maxReflectionLength) problems.takeaway = `Keep this under ${maxReflectionLength} characters.`;
  if (answers.goalId !== null && !goalChoices.some((g) => g.id === answers.goalId)) problems.goalId = 'Choose one of your own CLPL goals from the list, or leave it blank.';
  return problems;
}

export function decideReflection(input: {
  observation: PeerObservation;
  person: Person;
  existing: ObservationReflection | undefined;
  answers: ReflectionAnswers;
  goalChoices: readonly Pick<Goal, 'id'>[];
  now: Date;
}): ObservationReflection {
  const refusal = reflectionRefusal(input.observation, input.person.id, input.now);
  if (refusal) throw refusal;
  const problems = reflectionProblems(input.answers, input.goalChoices);
  if (Object.keys(problems).length > 0) throw new DomainError('invalid_observation_reflection', 'Some of the reflection needs another look.', problems);
  return {
    observationId: input.observation.id,
    person: input.person,
    noticed: input.answers.noticed.trim(),
    takeaway: input.answers.takeaway.trim(),
    goalId: input.answers.goalId,
    submittedAt: input.existing?.submittedAt ?? input.now,
    updatedAt: input.now,
  };
}

/**
 * The reflections this person may read: both, when they are one of the two (each sees the other's once they have
 * written their own too, so neither is swayed by the other's account first). Anyone else: refused.
 */
export function readableReflections(observation: PeerObservation, personId: string, reflections: readonly ObservationReflection[]): ObservationReflection[] {
  const refusal = participantRefusal(observation, personId);
  if (refusal) throw refusal;
  const own = reflections.find((r) => r.person.id === personId);
  return own ? reflections.filter((r) => r.observationId === observation.id) : [];
}

/**
 * Hours: a visit counts, for its duration, toward the CLPL hours of each of the two once that person has written their
 * reflection. The reflection is the professional learning (Balerno: "non-judgmental and focuses on reflective
 * practice") and the evidence that the visit happened, as attendance marked by a facilitator is for a session; each
 * person's hours depend on their own reflection only, so one colleague's delay never costs the other theirs.
 */
export function countsTowardHours(observation: PeerObservation, personId: string, reflections: readonly ObservationReflection[]): boolean {
  return visitCountsTowardHours(observation.status, reflections.some((r) => r.observationId === observation.id && r.person.id === personId));
}

/** The same rule from one person's side, as their record holds a visit: its status, and whether they reflected. */
export function visitCountsTowardHours(status: string, reflectedByThem: boolean): boolean {
  return status === 'accepted' && reflectedByThem;
}

/** Per person, the numbers line managers and SLT may see: never a focus, a partner or a word of a reflection. */
export interface ObservationCounts {
  personId: string;
  /** Offered or requested by them, or asked of them. */
  arranged: number;
  /** Accepted visits whose time has passed. */
  visited: number;
  /** Visits they have reflected on (these count toward their hours). */
  reflected: number;
  minutes: number;
}

export function observationCountsOf(
  personIds: readonly string[],
  observations: readonly PeerObservation[],
  reflections: readonly ObservationReflection[],
  now: Date,
): ObservationCounts[] {
  return personIds.map((personId) => {
    const theirs = observations.filter((o) => isParticipant(o, personId) && o.status !== 'cancelled' && o.status !== 'declined');
    const visited = theirs.filter((o) => o.status === 'accepted' && o.endsAt.getTime() <= now.getTime());
    const reflected = visited.filter((o) => countsTowardHours(o, personId, reflections));
    return { personId, arranged: theirs.length, visited: visited.length, reflected: reflected.length, minutes: reflected.reduce((sum, o) => sum + observationMinutes(o), 0) };
  });
}

export type ObservationAction = 'accept' | 'decline' | 'cancel' | 'reflect' | 'read';

/**
 * What this person can do with one of their observations now, by the rules above (decideResponse, decideCancel,
 * reflectionRefusal): the buttons a list of their own visits offers. Nothing for someone not one of the two.
 */
export function observationActionsFor(observation: PeerObservation, personId: string, reflected: boolean, now: Date): ObservationAction[] {
  if (!isParticipant(observation, personId)) return [];
  const beforeStart = now.getTime() < observation.startsAt.getTime();
  const actions: ObservationAction[] = [];
  if (observation.status === 'pending' && beforeStart && observation.colleague.id === personId) actions.push('accept', 'decline');
  if ((observation.status === 'pending' || observation.status === 'accepted') && beforeStart) actions.push('cancel');
  if (reflectionRefusal(observation, personId, now) === null) actions.push('reflect');
  if (reflected && observation.status === 'accepted') actions.push('read');
  return actions;
}

import { DomainError } from './errors';
import { Offer } from './offer';
import { Person } from './person';
import { confirmedOf, SignUp } from './signUp';

/** Whether one person attended one session, as marked by its facilitator or SLT. */
export interface AttendanceRecord {
  offerId: string;
  person: Person;
  attended: boolean;
  /** The session's length when it was marked: what the person's yearly CLPL hours count. */
  minutes: number;
  recordedBy: Person;
  recordedAt: Date;
}

export function sessionMinutes(offer: Pick<Offer, 'startsAt' | 'endsAt'>): number {
  return Math.round((offer.endsAt.getTime() - offer.startsAt.getTime()) / 60_000);
}

export function isFacilitatorOf(offer: Pick<Offer, 'facilitator'>, personId: string): boolean {
  return offer.facilitator.kind === 'staff' && offer.facilitator.userId === personId;
}

/** Why this person may not mark attendance for the offer now, or null when they may. */
export function attendanceRefusal(offer: Offer, input: { personId: string; isSlt: boolean; now: Date }): DomainError | null {
  if (!input.isSlt && !isFacilitatorOf(offer, input.personId)) {
    return new DomainError('not_facilitator', 'Only the facilitator or a senior leader can mark attendance.');
  }
  if (offer.status === 'cancelled') return new DomainError('offer_cancelled', 'This session was cancelled.');
  if (input.now.getTime() < offer.startsAt.getTime()) return new DomainError('session_not_started', 'The session has not started yet.');
  return null;
}

/**
 * The people whose attendance can be marked: everyone confirmed, and anyone marked before (so a correction never
 * loses a person), in queue order then name.
 */
export function attendanceCandidates(signUps: readonly SignUp[], recorded: readonly AttendanceRecord[]): Person[] {
  const people = confirmedOf(signUps).map((s) => s.person);
  const known = new Set(people.map((p) => p.id));
  const earlier = recorded.filter((r) => !known.has(r.person.id)).map((r) => r.person);
  return [...people, ...earlier.sort((a, b) => a.name.localeCompare(b.name))];
}

/** What a marking is decided from: the session, its sign-ups and earlier marks, and who is marking, when. */
export interface AttendanceMarking {
  offer: Offer;
  signUps: readonly SignUp[];
  recorded: readonly AttendanceRecord[];
  attendedIds: readonly string[];
  recorder: Person;
  recorderIsSlt: boolean;
  now: Date;
}

/**
 * Marks the whole list at once: those in `attendedIds` attended, every other candidate did not. Ids that are not
 * candidates are refused rather than ignored, so a stale card cannot silently record the wrong people.
 */
export function decideAttendance(input: AttendanceMarking): AttendanceRecord[] {
  const attended = new Set(input.attendedIds);
  const absentIds = attendanceCandidates(input.signUps, input.recorded)
    .map((p) => p.id)
    .filter((id) => !attended.has(id));
  return decidePartialAttendance({ ...input, absentIds });
}

/**
 * Marks part of the list (one page of a long card): those in `attendedIds` attended, those in `absentIds` did not,
 * and everyone else is left as recorded before, so saving one page never clears another. Strangers are refused as
 * for the whole list, and so is a person marked both ways, since the card could not have sent that.
 */
export function decidePartialAttendance(input: AttendanceMarking & { absentIds: readonly string[] }): AttendanceRecord[] {
  const refusal = attendanceRefusal(input.offer, { personId: input.recorder.id, isSlt: input.recorderIsSlt, now: input.now });
  if (refusal) throw refusal;
  const candidates = attendanceCandidates(input.signUps, input.recorded);
  const candidateIds = new Set(candidates.map((p) => p.id));
  const strangers = [...input.attendedIds, ...input.absentIds].filter((id) => !candidateIds.has(id));
  if (strangers.length > 0) {
    throw new DomainError('invalid_attendance', 'Some of the people marked are not signed up for this session.');
  }
  const attended = new Set(input.attendedIds);
  if (input.absentIds.some((id) => attended.has(id))) {
    throw new DomainError('invalid_attendance', 'Someone was marked both as attending and as absent.');
  }
  const marked = new Set([...input.attendedIds, ...input.absentIds]);
  const minutes = sessionMinutes(input.offer);
  return candidates
    .filter((person) => marked.has(person.id))
    .map((person) => ({
      offerId: input.offer.id,
      person,
      attended: attended.has(person.id),
      minutes,
      recordedBy: input.recorder,
      recordedAt: input.now,
    }));
}

export interface HoursProgress {
  hours: number;
  targetHours: number;
  /** Whole percent of the target, capped at 100. */
  percent: number;
}

export function hoursProgress(minutes: number, targetHours: number): HoursProgress {
  const hours = Math.round((minutes / 60) * 100) / 100;
  const percent = targetHours > 0 ? Math.min(100, Math.floor((hours / targetHours) * 100)) : 100;
  return { hours, targetHours, percent };
}

import { attendanceCandidates, AttendanceMarking, attendanceRefusal, AttendanceRecord, decideAttendance, decidePartialAttendance, isFacilitatorOf, sessionMinutes } from '../../domain/attendance';
import { DomainError } from '../../domain/errors';
import { Offer } from '../../domain/offer';
import { Person } from '../../domain/person';
import { AppDependencies } from '../dependencies';
import { feedbackRequestsJob } from '../offerNotices';
import { followUpRequestsJob } from '../followUp/followUpTiming';

export interface AttendanceSheet {
  offer: Offer;
  minutes: number;
  people: Array<{ person: Person; attended: boolean }>;
  /** When attendance was last saved, or null if it never was. */
  recordedAt: Date | null;
}

const DAY = 86_400_000;
/** How far back the `attendance` command looks for sessions to mark. */
export const markableForMs = 60 * DAY;

/** The attendance card's list for a session, if this person may mark it. */
export async function attendanceSheet(deps: AppDependencies, input: { offerId: string; personId: string }): Promise<AttendanceSheet> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  const refusal = attendanceRefusal(offer, { personId: input.personId, isSlt: await mayMarkAnyone(deps, offer, input.personId), now: deps.clock.now() });
  if (refusal) throw refusal;
  const [signUps, recorded] = await Promise.all([deps.stores.offers.signUpsForOffer(offer.id), deps.stores.evidence.attendanceFor(offer.id)]);
  return sheetOf(offer, attendanceCandidates(signUps, recorded), recorded);
}

/**
 * The facilitator or SLT marks who attended, all at once. In the same transaction, the feedback requests are
 * scheduled (or moved): asking after attendance is known means only attendees are asked, and a late or corrected
 * list still reaches everyone marked, because each request has its own idempotency key.
 */
export async function recordAttendance(deps: AppDependencies, input: { offerId: string; recorder: Person; attendedIds: readonly string[] }): Promise<AttendanceSheet> {
  return saveMarks(deps, input, (marking) => decideAttendance({ ...marking, attendedIds: input.attendedIds }));
}

/**
 * As recordAttendance, for one page of a long list: only the people on it are recorded, so saving one page never
 * clears the marks saved from another.
 */
export async function recordPartialAttendance(
  deps: AppDependencies,
  input: { offerId: string; recorder: Person; attendedIds: readonly string[]; absentIds: readonly string[] },
): Promise<AttendanceSheet> {
  return saveMarks(deps, input, (marking) => decidePartialAttendance({ ...marking, attendedIds: input.attendedIds, absentIds: input.absentIds }));
}

type Marking = Omit<AttendanceMarking, 'attendedIds'>;

async function saveMarks(deps: AppDependencies, input: { offerId: string; recorder: Person }, decide: (marking: Marking) => AttendanceRecord[]): Promise<AttendanceSheet> {
  const now = deps.clock.now();
  // Decided before the transaction (the group store cannot be read inside it on SQLite); an offer's group and school
  // never change, so this cannot go stale. A missing offer is left for the locked read to report.
  const found = await deps.stores.offers.findOffer(input.offerId);
  const recorderMayMarkAnyone = found ? await mayMarkAnyone(deps, found, input.recorder.id) : false;
  return deps.stores.evidence.transaction(async (tx) => {
    const offer = await tx.lockOffer(input.offerId);
    if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
    const signUps = await tx.signUpsForOffer(offer.id);
    const recorded = await tx.attendanceFor(offer.id);
    const records = decide({ offer, signUps, recorded, recorder: input.recorder, recorderIsSlt: recorderMayMarkAnyone, now });
    await tx.saveAttendance(records);
    if (records.some((r) => r.attended)) {
      await tx.scheduleJob(feedbackRequestsJob(offer, now, deps.evidence.feedback.requestDelayMs), now);
      const followUp = followUpRequestsJob(offer, now, deps.evidence);
      if (followUp) await tx.scheduleJob(followUp, now);
    }
    // The card shows the whole list again, so marks from pages this save did not touch are merged back in.
    const saved = new Set(records.map((r) => r.person.id));
    const all = [...recorded.filter((r) => !saved.has(r.person.id)), ...records];
    return sheetOf(offer, attendanceCandidates(signUps, all), all);
  });
}

/**
 * Besides the facilitator, who may mark everyone on a session's register: SLT of the school for its own offer; for a
 * group offer, the group's CLPL leads only (a member school's SLT would otherwise see and mark other schools' staff).
 */
async function mayMarkAnyone(deps: AppDependencies, offer: Pick<Offer, 'schoolId' | 'groupId'>, personId: string): Promise<boolean> {
  if (offer.groupId !== undefined) return deps.stores.groups.isLead(offer.groupId, personId);
  return deps.leadership.isSlt(offer.schoolId, personId);
}

/**
 * Recent sessions the person may mark, latest first: their school's own (they facilitated them, or they are SLT), the
 * group offers they facilitated, and the offers to the groups they lead (`schoolId` null: a lead in no known school).
 */
export async function sessionsToMark(deps: AppDependencies, input: { schoolId: string | null; personId: string }): Promise<Offer[]> {
  const now = deps.clock.now();
  const from = new Date(now.getTime() - markableForMs);
  const to = new Date(now.getTime() + 1);
  const isSlt = input.schoolId !== null && deps.leadership.isSlt(input.schoolId, input.personId);
  const led = (await deps.stores.groups.groupsLedBy(input.personId)).map((g) => g.id);
  const [recent, ofGroups] = await Promise.all([
    input.schoolId === null ? [] : deps.stores.evidence.offersStartedBetween(input.schoolId, from, to, 50),
    deps.stores.evidence.groupOffersStartedBetween(led, from, to, 50),
  ]);
  const mayMark = (offer: Offer) =>
    isFacilitatorOf(offer, input.personId) || (offer.groupId === undefined ? isSlt : led.includes(offer.groupId));
  const offers = new Map([...recent, ...ofGroups].filter((o) => o.status !== 'cancelled' && mayMark(o)).map((o) => [o.id, o]));
  return [...offers.values()].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime()).slice(0, 50);
}

function sheetOf(offer: Offer, people: readonly Person[], recorded: readonly AttendanceRecord[]): AttendanceSheet {
  const byId = new Map(recorded.map((r) => [r.person.id, r]));
  const times = recorded.map((r) => r.recordedAt.getTime());
  return {
    offer,
    minutes: sessionMinutes(offer),
    people: people.map((person) => ({ person, attended: byId.get(person.id)?.attended ?? false })),
    recordedAt: times.length > 0 ? new Date(Math.max(...times)) : null,
  };
}

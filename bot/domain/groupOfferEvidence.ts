import { AttendanceRecord } from './attendance';
import { FeedbackResponse } from './feedback';
import { FollowUpResponse } from './followUp';
import { SignUp } from './signUp';

/** What one session's impact report is made from. */
export interface OfferEvidence {
  signUps: readonly SignUp[];
  attendance: readonly AttendanceRecord[];
  responses: readonly FeedbackResponse[];
  followUps: readonly FollowUpResponse[];
}

/**
 * Who reads a group offer's impact report, and so how much of it:
 * - a CLPL lead of its group sees every school's people, counted together, with no one named: a lead commissions
 *   the session for the group and needs how it went, not who said what (names of attendees are theirs only on the
 *   register they mark);
 * - a member school's SLT sees only the people who signed up from their own school(s), as they would for one of their
 *   own offers (names where the person chose to give them), so a school never reads another school's staff.
 * The anonymity threshold then applies to what remains, so a school with few attendees sees no answers at all.
 */
export type GroupOfferReader = { kind: 'group_lead' } | { kind: 'school_slt'; schoolIds: readonly string[] };

export function evidenceForReader(reader: GroupOfferReader, evidence: OfferEvidence): OfferEvidence {
  if (reader.kind === 'group_lead') {
    return {
      ...evidence,
      responses: evidence.responses.map((r) => ({ ...r, anonymous: true })),
      followUps: evidence.followUps.map((f) => ({ ...f, anonymous: true })),
    };
  }
  const schools = new Set(reader.schoolIds);
  // A sign-up keeps the school it came from; one with none belongs to no school's report.
  const people = new Set(evidence.signUps.filter((s) => s.schoolId !== undefined && schools.has(s.schoolId)).map((s) => s.person.id));
  const ours = <T extends { person: { id: string } }>(list: readonly T[]) => list.filter((item) => people.has(item.person.id));
  return { signUps: ours(evidence.signUps), attendance: ours(evidence.attendance), responses: ours(evidence.responses), followUps: ours(evidence.followUps) };
}

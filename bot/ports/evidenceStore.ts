import { AttendanceRecord } from '../domain/attendance';
import { FeedbackResponse } from '../domain/feedback';
import { FollowUpResponse } from '../domain/followUp';
import { AttendedSession } from '../domain/impact';
import { Offer } from '../domain/offer';
import { PartnershipEvidence } from '../domain/partnershipReport';
import { OfferTransaction } from './offerStore';

/** The offer transaction plus what happened at and after the session, written atomically with the offer locked. */
export interface EvidenceTransaction extends OfferTransaction {
  attendanceFor(offerId: string): Promise<AttendanceRecord[]>;
  /** Replaces each person's record for the offer. */
  saveAttendance(records: readonly AttendanceRecord[]): Promise<void>;
  feedbackFor(offerId: string): Promise<FeedbackResponse[]>;
  /** Creates or replaces the person's one response to the offer. */
  saveFeedback(response: FeedbackResponse): Promise<void>;
  followUpsFor(offerId: string): Promise<FollowUpResponse[]>;
  /** Creates or replaces the person's one practice follow-up answer for the offer. */
  saveFollowUp(response: FollowUpResponse): Promise<void>;
}

/** What happened at and after each session: attendance and feedback, the evidence the impact report is made from. */
export interface EvidenceStore {
  transaction<T>(work: (tx: EvidenceTransaction) => Promise<T>): Promise<T>;
  attendanceFor(offerId: string): Promise<AttendanceRecord[]>;
  feedbackFor(offerId: string): Promise<FeedbackResponse[]>;
  findFeedback(offerId: string, personId: string): Promise<FeedbackResponse | undefined>;
  followUpsFor(offerId: string): Promise<FollowUpResponse[]>;
  findFollowUp(offerId: string, personId: string): Promise<FollowUpResponse | undefined>;
  /** Every practice follow-up answer a person has given, oldest first (their record and export). */
  followUpsOf(personId: string): Promise<FollowUpResponse[]>;
  /**
   * Feedback and follow-up answers on the school's sessions that started in [from, to), for the period report: on its
   * own offers, everyone's; on a group offer, only those of people who signed up from this school.
   */
  answersOfSchool(schoolId: string, from: Date, to: Date): Promise<{ feedback: FeedbackResponse[]; followUps: FollowUpResponse[] }>;
  /**
   * The school's offers (any status) that started in [from, to), latest first, at most `limit`: its own offers, and the
   * group offers someone signed up to from this school (whichever school the group offer was made from).
   */
  offersStartedBetween(schoolId: string, from: Date, to: Date, limit: number): Promise<Offer[]>;
  /** Offers (any status) to any of these groups that started in [from, to), latest first, at most `limit`. */
  groupOffersStartedBetween(groupIds: readonly string[], from: Date, to: Date, limit: number): Promise<Offer[]>;
  /** Attended records of the school's sessions that started in [from, to): on a group offer, of those who signed up from this school. */
  attendedSessions(schoolId: string, from: Date, to: Date): Promise<AttendedSession[]>;
  /** A person's attended sessions (in any school) that started in [from, to), for their yearly hours. */
  attendedSessionsOf(personId: string, from: Date, to: Date): Promise<AttendedSession[]>;
  /**
   * For the partnership report: the sessions that started in [from, to) and are either one of these schools' own or
   * have a sign-up from one of them (a group offer), each with all its sign-ups, attendance and feedback (the report
   * decides whose they count as).
   */
  evidenceOfSchools(schoolIds: readonly string[], from: Date, to: Date): Promise<PartnershipEvidence>;
}

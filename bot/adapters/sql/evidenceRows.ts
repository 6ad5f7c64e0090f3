import { AttendanceRecord } from '../../domain/attendance';
import { FeedbackResponse } from '../../domain/feedback';

/** Rows of the attendance and feedback tables (migrations 0005_attendance_and_feedback, 0012_feedback_goal_link); listed in schema.ts. */
export interface AttendanceRow {
  offer_id: string;
  person_id: string;
  person_name: string;
  attended: number;
  minutes: number;
  recorded_by_id: string;
  recorded_by_name: string;
  recorded_at: string;
}

export interface FeedbackResponseRow {
  offer_id: string;
  person_id: string;
  person_name: string;
  value: number;
  knowledge_before: number;
  knowledge_after: number;
  understanding_before: number;
  understanding_after: number;
  confidence_before: number;
  confidence_after: number;
  practice_change: string;
  /** Free text from before 0012; read, never written anew. */
  related_goal: string | null;
  related_goal_id: string | null;
  anonymous: number;
  submitted_at: string;
  updated_at: string;
}

export function attendanceToRow(record: AttendanceRecord): AttendanceRow {
  return {
    offer_id: record.offerId,
    person_id: record.person.id,
    person_name: record.person.name,
    attended: record.attended ? 1 : 0,
    minutes: record.minutes,
    recorded_by_id: record.recordedBy.id,
    recorded_by_name: record.recordedBy.name,
    recorded_at: record.recordedAt.toISOString(),
  };
}

export function attendanceFromRow(row: AttendanceRow): AttendanceRecord {
  return {
    offerId: row.offer_id,
    person: { id: row.person_id, name: row.person_name },
    attended: Number(row.attended) === 1,
    minutes: Number(row.minutes),
    recordedBy: { id: row.recorded_by_id, name: row.recorded_by_name },
    recordedAt: new Date(row.recorded_at),
  };
}

export function feedbackToRow(response: FeedbackResponse): FeedbackResponseRow {
  return {
    offer_id: response.offerId,
    person_id: response.person.id,
    person_name: response.person.name,
    value: response.value,
    knowledge_before: response.before.knowledge,
    knowledge_after: response.after.knowledge,
    understanding_before: response.before.understanding,
    understanding_after: response.after.understanding,
    confidence_before: response.before.confidence,
    confidence_after: response.after.confidence,
    practice_change: response.practiceChange,
    related_goal: response.legacyRelatedGoal,
    related_goal_id: response.relatedGoalId,
    anonymous: response.anonymous ? 1 : 0,
    submitted_at: response.submittedAt.toISOString(),
    updated_at: response.updatedAt.toISOString(),
  };
}

export function feedbackFromRow(row: FeedbackResponseRow): FeedbackResponse {
  return {
    offerId: row.offer_id,
    person: { id: row.person_id, name: row.person_name },
    value: Number(row.value),
    before: { knowledge: Number(row.knowledge_before), understanding: Number(row.understanding_before), confidence: Number(row.confidence_before) },
    after: { knowledge: Number(row.knowledge_after), understanding: Number(row.understanding_after), confidence: Number(row.confidence_after) },
    practiceChange: row.practice_change,
    relatedGoalId: row.related_goal_id,
    legacyRelatedGoal: row.related_goal,
    anonymous: Number(row.anonymous) === 1,
    submittedAt: new Date(row.submitted_at),
    updatedAt: new Date(row.updated_at),
  };
}

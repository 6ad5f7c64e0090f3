import { FollowUpResponse, PracticeUse } from '../../domain/followUp';

/** A row of follow_up_responses (migration 0016_practice_follow_up); listed in schema.ts. */
export interface FollowUpResponseRow {
  offer_id: string;
  person_id: string;
  person_name: string;
  used: string;
  practice_change: string;
  pupil_effect: string;
  evidence: string;
  confidence_now: number;
  related_goal_id: string | null;
  anonymous: number;
  submitted_at: string;
  updated_at: string;
}

export function followUpToRow(response: FollowUpResponse): FollowUpResponseRow {
  return {
    offer_id: response.offerId,
    person_id: response.person.id,
    person_name: response.person.name,
    used: response.used,
    practice_change: response.practiceChange,
    pupil_effect: response.pupilEffect,
    evidence: response.evidence,
    confidence_now: response.confidenceNow,
    related_goal_id: response.relatedGoalId,
    anonymous: response.anonymous ? 1 : 0,
    submitted_at: response.submittedAt.toISOString(),
    updated_at: response.updatedAt.toISOString(),
  };
}

export function followUpFromRow(row: FollowUpResponseRow): FollowUpResponse {
  return {
    offerId: row.offer_id,
    person: { id: row.person_id, name: row.person_name },
    used: row.used as PracticeUse,
    practiceChange: row.practice_change,
    pupilEffect: row.pupil_effect,
    evidence: row.evidence,
    confidenceNow: Number(row.confidence_now),
    relatedGoalId: row.related_goal_id,
    anonymous: Number(row.anonymous) === 1,
    submittedAt: new Date(row.submitted_at),
    updatedAt: new Date(row.updated_at),
  };
}

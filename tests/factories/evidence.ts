import { AttendanceRecord } from '../../bot/domain/attendance';
import { FeedbackAnswers, FeedbackResponse } from '../../bot/domain/feedback';
import { FollowUpAnswers, FollowUpResponse } from '../../bot/domain/followUp';
import { buildPerson, sltMember, testNow } from './offers';

/** One attendance record; defaults: a new person attended 90 minutes of `offer-1`, marked by SLT at `testNow`. */
export function buildAttendance(overrides: Partial<AttendanceRecord> = {}): AttendanceRecord {
  return { offerId: 'offer-1', person: buildPerson(), attended: true, minutes: 90, recordedBy: sltMember, recordedAt: testNow, ...overrides };
}

/** Valid answers: value 4, every scale 2 before and 4 after, named. */
export function buildAnswers(overrides: Partial<FeedbackAnswers> = {}): FeedbackAnswers {
  return {
    value: 4,
    before: { knowledge: 2, understanding: 2, confidence: 2 },
    after: { knowledge: 4, understanding: 4, confidence: 4 },
    practiceChange: 'Plan hinge questions for every lesson.',
    relatedGoalId: null,
    anonymous: false,
    ...overrides,
  };
}

/** A response on `offer-1` from a new person, at `testNow`, with `buildAnswers` defaults. */
export function buildResponse(overrides: Partial<FeedbackResponse> = {}): FeedbackResponse {
  return { offerId: 'offer-1', person: buildPerson(), legacyRelatedGoal: null, submittedAt: testNow, updatedAt: testNow, ...buildAnswers(), ...overrides };
}

export function buildFollowUpAnswers(overrides: Partial<FollowUpAnswers> = {}): FollowUpAnswers {
  return {
    used: 'yes',
    practiceChange: 'Exit tickets in every lesson.',
    pupilEffect: 'Pupils say where they are stuck.',
    evidence: '',
    confidenceNow: 4,
    relatedGoalId: null,
    anonymous: false,
    ...overrides,
  };
}

export function buildFollowUp(overrides: Partial<FollowUpResponse> = {}): FollowUpResponse {
  return { offerId: 'offer-1', person: buildPerson(), submittedAt: testNow, updatedAt: testNow, ...buildFollowUpAnswers(), ...overrides };
}

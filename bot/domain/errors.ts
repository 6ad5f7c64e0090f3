/**
 * Errors a person can cause. The code is a stable contract: the HTTP and card adapters each map it through
 * one table (adapters/teams/errorText.ts, http/errorStatus.ts), so wording can change without breaking callers.
 */
export const domainErrorCodes = [
  'offer_not_found',
  'signups_closed',
  'offer_cancelled',
  'session_started',
  'not_signed_up',
  'not_slt',
  'invalid_offer',
  'school_unknown',
  'clpl_channel_not_set',
  'offer_closed_for_changes',
  'not_facilitator',
  'session_not_started',
  'invalid_attendance',
  'not_an_attendee',
  'feedback_not_open',
  'feedback_closed',
  'invalid_feedback',
  'report_period_unknown',
  'proposal_not_found',
  'proposal_already_decided',
  'person_unknown',
  'cannot_erase_self',
  'goals_not_erased',
  'record_not_found',
  'follow_up_not_attendee',
  'follow_up_not_open',
  'follow_up_closed',
  'invalid_follow_up',
  'share_not_allowed',
  'already_shared',
  'invalid_share',
  'offer_card_missing',
  'share_in_progress',
  'share_not_posted',
  'observation_not_found',
  'observation_not_yours',
  'observation_already_decided',
  'observation_closed',
  'observation_not_open',
  'invalid_observation',
  'invalid_observation_reflection',
  'programme_not_slt',
  'programme_not_found',
  'programme_file_unreadable',
  'group_not_found',
  'not_group_lead',
  'group_needs_a_lead',
  'group_school_unknown',
  'group_lead_unknown',
  'school_not_in_group',
  'approval_not_pending',
  'not_your_school_approval',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string = code,
    readonly fieldErrors: FieldErrors = {},
    /** What failed underneath (for the log), when the error stands for a failure outside the domain. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

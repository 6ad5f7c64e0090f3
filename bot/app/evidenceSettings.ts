import { FeedbackTiming } from '../domain/feedback';
import { FollowUpTiming } from '../domain/followUp';
import { defaultTerms, Term } from '../domain/terms';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How attendance, feedback and the impact report behave; read from configuration (see bot/evidenceConfig.ts). */
export interface EvidenceSettings {
  /** CLPL hours a year in a teacher's contract (35 in Scotland). */
  yearlyTargetHours: number;
  feedback: FeedbackTiming;
  /** When attendees are asked, weeks later, what changed in their practice. */
  followUp: FollowUpTiming;
  /** Below this many responses a session's breakdown is not shown, so no one can be identified. */
  minResponsesToShow: number;
  terms: readonly Term[];
  /** The school's time zone: school years and terms begin at local midnight. */
  timeZone: string;
}

export const defaultEvidenceSettings: EvidenceSettings = {
  yearlyTargetHours: 35,
  feedback: { requestDelayMs: 1 * HOUR, openForMs: 14 * DAY, reminderAfterMs: 3 * DAY },
  followUp: { defaultWeeks: 6, openForMs: 21 * DAY, reminderAfterMs: 7 * DAY },
  minResponsesToShow: 5,
  terms: defaultTerms,
  timeZone: 'Europe/London',
};

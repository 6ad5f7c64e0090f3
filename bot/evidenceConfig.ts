import { DateTime } from 'luxon';
import { z } from 'zod';
import { EvidenceSettings } from './app/evidenceSettings';
import { defaultTerms, isMonthDay, Term } from './domain/terms';

/** The environment variables for attendance, feedback and the impact report; spread into config.ts's schema. */
export const evidenceEnvironment = {
  CLPL_YEARLY_HOURS: z.coerce.number().positive().max(1000).default(35),
  CLPL_FEEDBACK_DELAY_HOURS: z.coerce.number().min(0).max(24 * 14).default(1),
  CLPL_FEEDBACK_OPEN_DAYS: z.coerce.number().positive().max(365).default(14),
  CLPL_FEEDBACK_REMINDER_DAYS: z.coerce.number().positive().max(365).default(3),
  CLPL_FOLLOW_UP_WEEKS: z.coerce.number().int().min(0).max(26).default(6),
  CLPL_FOLLOW_UP_OPEN_DAYS: z.coerce.number().positive().max(365).default(21),
  CLPL_FOLLOW_UP_REMINDER_DAYS: z.coerce.number().positive().max(365).default(7),
  CLPL_MIN_RESPONSES_TO_SHOW: z.coerce.number().int().min(1).max(100).default(5),
  CLPL_TERMS: z.string().optional(),
};

type EvidenceEnvironment = z.infer<z.ZodObject<typeof evidenceEnvironment>>;

export function evidenceSettingsFrom(e: EvidenceEnvironment, timeZone: string, problems: string[]): EvidenceSettings {
  const feedbackOpenMs = e.CLPL_FEEDBACK_OPEN_DAYS * 86_400_000;
  const requestDelayMs = e.CLPL_FEEDBACK_DELAY_HOURS * 3_600_000;
  if (requestDelayMs >= feedbackOpenMs) problems.push('CLPL_FEEDBACK_DELAY_HOURS must be shorter than CLPL_FEEDBACK_OPEN_DAYS, or feedback would close before anyone is asked.');
  return {
    yearlyTargetHours: e.CLPL_YEARLY_HOURS,
    feedback: { requestDelayMs, openForMs: feedbackOpenMs, reminderAfterMs: e.CLPL_FEEDBACK_REMINDER_DAYS * 86_400_000 },
    followUp: {
      defaultWeeks: e.CLPL_FOLLOW_UP_WEEKS,
      openForMs: e.CLPL_FOLLOW_UP_OPEN_DAYS * 86_400_000,
      reminderAfterMs: e.CLPL_FOLLOW_UP_REMINDER_DAYS * 86_400_000,
    },
    minResponsesToShow: e.CLPL_MIN_RESPONSES_TO_SHOW,
    terms: e.CLPL_TERMS?.trim() ? parseTerms(e.CLPL_TERMS, problems) : defaultTerms,
    timeZone,
  };
}

/** `Autumn 08-18..12-22; Spring 01-06..03-27; Summer 04-13..06-26`: name, then first and last day as MM-DD. */
export function parseTerms(text: string, problems: string[]): Term[] {
  const terms: Term[] = [];
  for (const part of text.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const match = /^(.+?)\s+(\d\d-\d\d)\s*\.\.\s*(\d\d-\d\d)$/.exec(part);
    const valid = (md: string) => isMonthDay(md) && DateTime.fromISO(`2025-${md}`).isValid;
    if (!match || !valid(match[2]!) || !valid(match[3]!)) {
      problems.push(`CLPL_TERMS: "${part}" is not "Name MM-DD..MM-DD" (for example "Autumn 08-18..12-22").`);
      continue;
    }
    terms.push({ name: match[1]!.trim(), from: match[2]!, to: match[3]! });
  }
  return terms;
}

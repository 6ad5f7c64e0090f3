import { z } from 'zod';
import { FollowUpAnswers, maxEvidenceLength, maxFollowUpTextLength, maxGoalIdLengthForFollowUp, PracticeUse, practiceUses } from '../../../domain/followUp';
import { noGoalValue } from '../cards/feedbackFormCard';
import { FollowUpFormValues } from '../cards/followUpFormCard';

/** Every value arrives as a string (or is missing); anything else is treated as empty and reported as such. */
const text = (max: number) =>
  z
    .unknown()
    .transform((v) => (typeof v === 'string' ? v : ''))
    .pipe(z.string().max(max * 2));

const formShape = z.object({
  used: text(10),
  practiceChange: text(maxFollowUpTextLength),
  pupilEffect: text(maxFollowUpTextLength),
  evidence: text(maxEvidenceLength),
  confidenceNow: text(10),
  relatedGoal: text(maxGoalIdLengthForFollowUp),
  anonymous: text(10),
});

export type ParsedFollowUpForm = { ok: true; answers: FollowUpAnswers; values: FollowUpFormValues } | { ok: false; values: FollowUpFormValues; errors: Record<string, string> };

/**
 * Reads the follow-up card's submission. A value too long to have been typed into the card throws a ZodError; answers
 * merely missing or out of range come back as field messages with every value kept. The rest (lengths, links, the
 * goal being the person's own) is the domain's followUpProblems.
 */
export function parseFollowUpForm(data: unknown): ParsedFollowUpForm {
  const values = formShape.parse(data ?? {});
  const errors: Record<string, string> = {};
  const used = values.used.trim();
  if (!(practiceUses as readonly string[]).includes(used)) errors.used = 'Say whether you have used it.';
  if (!/^[1-5]$/.test(values.confidenceNow.trim())) errors.confidenceNow = 'Rate your confidence now, from 1 to 5.';
  if (values.practiceChange.trim() === '') errors.practiceChange = 'Say what changed in your practice, or what got in the way.';
  if (values.anonymous !== '' && values.anonymous !== 'true' && values.anonymous !== 'false') errors.anonymous = 'Choose whether to share anonymously.';
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  const goalId = values.relatedGoal.trim();
  return {
    ok: true,
    values,
    answers: {
      used: used as PracticeUse,
      practiceChange: values.practiceChange,
      pupilEffect: values.pupilEffect,
      evidence: values.evidence,
      confidenceNow: Number(values.confidenceNow.trim()),
      relatedGoalId: goalId === '' || goalId === noGoalValue ? null : goalId,
      anonymous: values.anonymous === 'true',
    },
  };
}

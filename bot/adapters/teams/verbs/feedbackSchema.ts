import { z } from 'zod';
import { FeedbackAnswers, feedbackScales, maxGoalIdLength, maxPracticeChangeLength } from '../../../domain/feedback';
import { FeedbackFormValues, noGoalValue } from '../cards/feedbackFormCard';

/** Every value arrives as a string (or is missing); anything else is treated as empty and reported as such. */
const text = (max: number) =>
  z
    .unknown()
    .transform((v) => (typeof v === 'string' ? v : ''))
    .pipe(z.string().max(max * 2));

const rating = (message: string) => z.string().trim().regex(/^[1-5]$/, message).transform(Number);

const formShape = z.object({
  value: text(10),
  knowledgeBefore: text(10),
  knowledgeAfter: text(10),
  understandingBefore: text(10),
  understandingAfter: text(10),
  confidenceBefore: text(10),
  confidenceAfter: text(10),
  practiceChange: text(maxPracticeChangeLength),
  relatedGoal: text(maxGoalIdLength),
  anonymous: text(10),
});

export type ParsedFeedbackForm =
  | { ok: true; answers: FeedbackAnswers; values: FeedbackFormValues }
  | { ok: false; values: FeedbackFormValues; errors: Record<string, string> };

/**
 * Reads the feedback card's submission. Shape problems (a value too long to be typed into the card) throw a ZodError;
 * answers that are merely missing or out of range come back as field messages for the card, with every value kept.
 * Range and length rules beyond this are the domain's (feedbackProblems), and so is checking that the chosen goal is
 * the person's own: the goal id arrives from the card as is.
 */
export function parseFeedbackForm(data: unknown): ParsedFeedbackForm {
  const values = formShape.parse(data ?? {});
  const errors: Record<string, string> = {};
  const ratingOf = (field: keyof FeedbackFormValues, message: string): number => {
    const parsed = rating(message).safeParse(values[field]);
    if (parsed.success) return parsed.data;
    errors[field] = message;
    return 0;
  };
  const value = ratingOf('value', 'Choose a value from 1 to 5.');
  const before = Object.fromEntries(feedbackScales.map((s) => [s, ratingOf(`${s}Before`, `Rate your ${s} before, from 1 to 5.`)])) as FeedbackAnswers['before'];
  const after = Object.fromEntries(feedbackScales.map((s) => [s, ratingOf(`${s}After`, `Rate your ${s} after, from 1 to 5.`)])) as FeedbackAnswers['after'];
  if (values.practiceChange.trim() === '') errors.practiceChange = 'Say what you will do differently in your practice.';
  if (values.anonymous !== '' && values.anonymous !== 'true' && values.anonymous !== 'false') errors.anonymous = 'Choose whether to share anonymously.';
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return {
    ok: true,
    values,
    answers: { value, before, after, practiceChange: values.practiceChange, relatedGoalId: goalIdOf(values.relatedGoal), anonymous: values.anonymous === 'true' },
  };
}

function goalIdOf(value: string): string | null {
  const id = value.trim();
  return id === '' || id === noGoalValue ? null : id;
}

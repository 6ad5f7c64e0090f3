import template from './feedbackFormCard.json';
import { GoalChoice } from '../../../app/feedback/feedbackGoals';
import { FeedbackResponse, feedbackScales, maxPracticeChangeLength } from '../../../domain/feedback';
import { Offer } from '../../../domain/offer';
import { instantText, sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

/** What the person chose, echoed back as strings so a refused answer keeps every value. */
export interface FeedbackFormValues {
  value: string;
  knowledgeBefore: string;
  knowledgeAfter: string;
  understandingBefore: string;
  understandingAfter: string;
  confidenceBefore: string;
  confidenceAfter: string;
  practiceChange: string;
  /** The chosen goal's id; empty for none. */
  relatedGoal: string;
  anonymous: string;
}

/** Adaptive Cards need a value on every choice, so "no particular goal" has one; no goal id is this word. */
export const noGoalValue = 'none';

export const emptyFeedbackForm: FeedbackFormValues = {
  value: '',
  knowledgeBefore: '',
  knowledgeAfter: '',
  understandingBefore: '',
  understandingAfter: '',
  confidenceBefore: '',
  confidenceAfter: '',
  practiceChange: '',
  relatedGoal: '',
  anonymous: 'false',
};

export interface FeedbackFormCardData {
  offerId: string;
  heading: string;
  title: string;
  when: string;
  intro: string;
  focus: string;
  closes: string;
  formMessage: string;
  submitTitle: string;
  values: FeedbackFormValues;
  errors: Record<string, string>;
  ratingChoices: Array<{ title: string; value: string }>;
  scales: Array<{ label: string; beforeId: string; afterId: string; beforeValue: string; afterValue: string; error: string }>;
  practiceChangeMax: number;
  /** "No particular goal" first, then the person's own goals. */
  goalChoices: Array<{ title: string; value: string }>;
  noGoalsText: string;
}

const scaleLabels = { knowledge: 'Knowledge', understanding: 'Understanding', confidence: 'Confidence' } as const;

export function valuesOfResponse(response: FeedbackResponse): FeedbackFormValues {
  return {
    value: String(response.value),
    knowledgeBefore: String(response.before.knowledge),
    knowledgeAfter: String(response.after.knowledge),
    understandingBefore: String(response.before.understanding),
    understandingAfter: String(response.after.understanding),
    confidenceBefore: String(response.before.confidence),
    confidenceAfter: String(response.after.confidence),
    practiceChange: response.practiceChange,
    relatedGoal: response.relatedGoalId ?? '',
    anonymous: String(response.anonymous),
  };
}

export function feedbackFormCardData(input: {
  offer: Pick<Offer, 'id' | 'title' | 'startsAt' | 'endsAt' | 'timeZone'>;
  closesAt: Date;
  /** The person's own goals to choose from (loaded through the goal store when the card is built). */
  goalChoices?: readonly GoalChoice[];
  values?: FeedbackFormValues;
  errors?: Record<string, string>;
  formMessage?: string;
  reminder?: boolean;
  editing?: boolean;
}): FeedbackFormCardData {
  const values = input.values ?? emptyFeedbackForm;
  const errors = input.errors ?? {};
  return {
    offerId: input.offer.id,
    heading: input.reminder ? 'A reminder: how was the session?' : 'How was the session?',
    title: input.offer.title,
    when: sessionTime(input.offer),
    intro: 'Your answers help your school see what professional learning changes. It takes about two minutes.',
    focus: 'knowledge, understanding and confidence',
    closes: instantText(input.closesAt, input.offer.timeZone),
    formMessage: input.formMessage ?? '',
    submitTitle: input.editing ? 'Save my changes' : 'Send feedback',
    values,
    errors,
    ratingChoices: ['1', '2', '3', '4', '5'].map((n) => ({ title: n, value: n })),
    scales: feedbackScales.map((scale) => ({
      label: scaleLabels[scale],
      beforeId: `${scale}Before`,
      afterId: `${scale}After`,
      beforeValue: values[`${scale}Before`],
      afterValue: values[`${scale}After`],
      error: errors[`${scale}Before`] ?? errors[`${scale}After`] ?? '',
    })),
    practiceChangeMax: maxPracticeChangeLength,
    goalChoices: [{ title: 'No particular goal', value: noGoalValue }, ...(input.goalChoices ?? []).map((g) => ({ title: g.title, value: g.id }))],
    noGoalsText: 'Goals you are working on can be chosen here: add them in the CLPL tab under My goals.',
  };
}

export function renderFeedbackFormCard(data: FeedbackFormCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

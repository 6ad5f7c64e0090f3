import template from './feedbackFormCard.json';
import { FeedbackResponse, feedbackScales, maxPracticeChangeLength, maxRelatedGoalLength } from '../../../domain/feedback';
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
  relatedGoal: string;
  anonymous: string;
}

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
  relatedGoalMax: number;
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
    relatedGoal: response.relatedGoal ?? '',
    anonymous: String(response.anonymous),
  };
}

export function feedbackFormCardData(input: {
  offer: Pick<Offer, 'id' | 'title' | 'startsAt' | 'endsAt' | 'timeZone'>;
  closesAt: Date;
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
    relatedGoalMax: maxRelatedGoalLength,
  };
}

export function renderFeedbackFormCard(data: FeedbackFormCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

import template from './followUpFormCard.json';
import { GoalChoice } from '../../../app/feedback/feedbackGoals';
import { FollowUpResponse, maxFollowUpTextLength } from '../../../domain/followUp';
import { Offer } from '../../../domain/offer';
import { noGoalValue } from './feedbackFormCard';
import { instantText, sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

/** What the person chose, echoed back as strings so a refused answer keeps every value. */
export interface FollowUpFormValues {
  used: string;
  practiceChange: string;
  pupilEffect: string;
  evidence: string;
  confidenceNow: string;
  /** The chosen goal's id; empty for none. */
  relatedGoal: string;
  anonymous: string;
}

export const emptyFollowUpForm: FollowUpFormValues = {
  used: '',
  practiceChange: '',
  pupilEffect: '',
  evidence: '',
  confidenceNow: '',
  relatedGoal: '',
  anonymous: 'false',
};

export interface FollowUpFormCardData {
  offerId: string;
  heading: string;
  title: string;
  when: string;
  intro: string;
  earlierConfidence: string;
  closes: string;
  formMessage: string;
  submitTitle: string;
  values: FollowUpFormValues;
  errors: Record<string, string>;
  useChoices: Array<{ title: string; value: string }>;
  ratingChoices: Array<{ title: string; value: string }>;
  textMax: number;
  goalChoices: Array<{ title: string; value: string }>;
  noGoalsText: string;
}

export const useTitles = { yes: 'Yes, it is part of my practice now', partly: 'I have tried it', no: 'Not yet' } as const;

export function valuesOfFollowUp(response: FollowUpResponse): FollowUpFormValues {
  return {
    used: response.used,
    practiceChange: response.practiceChange,
    pupilEffect: response.pupilEffect,
    evidence: response.evidence,
    confidenceNow: String(response.confidenceNow),
    relatedGoal: response.relatedGoalId ?? '',
    anonymous: String(response.anonymous),
  };
}

export function followUpFormCardData(input: {
  offer: Pick<Offer, 'id' | 'title' | 'startsAt' | 'endsAt' | 'timeZone'>;
  closesAt: Date;
  goalChoices?: readonly GoalChoice[];
  /** Their confidence before and after the session, from their feedback; null when they gave none. */
  feedbackConfidence?: { before: number; after: number } | null;
  values?: FollowUpFormValues;
  errors?: Record<string, string>;
  formMessage?: string;
  reminder?: boolean;
  editing?: boolean;
}): FollowUpFormCardData {
  const earlier = input.feedbackConfidence;
  return {
    offerId: input.offer.id,
    heading: input.reminder ? 'A reminder: has it changed your practice?' : 'Some weeks on: has it changed your practice?',
    title: input.offer.title,
    when: sessionTime(input.offer),
    intro: 'A few weeks after a session is when learning shows in the classroom. Four short questions help your school see what professional learning really changes.',
    earlierConfidence: earlier ? `After the session you rated your confidence ${earlier.after} out of 5 (before it: ${earlier.before}).` : '',
    closes: instantText(input.closesAt, input.offer.timeZone),
    formMessage: input.formMessage ?? '',
    submitTitle: input.editing ? 'Save my changes' : 'Send',
    values: input.values ?? emptyFollowUpForm,
    errors: input.errors ?? {},
    useChoices: (['yes', 'partly', 'no'] as const).map((value) => ({ title: useTitles[value], value })),
    ratingChoices: ['1', '2', '3', '4', '5'].map((n) => ({ title: n, value: n })),
    textMax: maxFollowUpTextLength,
    goalChoices: [{ title: 'No particular goal', value: noGoalValue }, ...(input.goalChoices ?? []).map((g) => ({ title: g.title, value: g.id }))],
    noGoalsText: 'Goals you are working on can be chosen here: add them in the CLPL tab under My goals.',
  };
}

export function renderFollowUpFormCard(data: FollowUpFormCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

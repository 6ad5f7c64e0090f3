import template from './feedbackSavedCard.json';
import { FeedbackFormView } from '../../../app/feedback/submitFeedback';
import { instantText, sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface FeedbackSavedCardData {
  offerId: string;
  title: string;
  when: string;
  valueText: string;
  sharedText: string;
  goalText: string;
  closes: string;
  note: string;
}

/** `goalNotLinked`: the goal store failed, so the goal's evidence may not show this answer yet. */
export function feedbackSavedCardData(view: FeedbackFormView, options: { goalNotLinked?: boolean } = {}): FeedbackSavedCardData {
  const response = view.existing;
  const goalId = response?.relatedGoalId ?? null;
  return {
    offerId: view.offer.id,
    title: view.offer.title,
    when: sessionTime(view.offer),
    valueText: response ? `${response.value} out of 5` : '—',
    sharedText: response?.anonymous ? 'Anonymously' : 'With your name',
    goalText: goalId ? (view.goalChoices.find((g) => g.id === goalId)?.title ?? 'One of your goals') : (response?.legacyRelatedGoal ?? 'None'),
    closes: instantText(view.closesAt, view.offer.timeZone),
    note: options.goalNotLinked ? 'Your feedback is saved, but your goals could not be reached just now, so the goal link may not show yet. Change your answers later to try again.' : '',
  };
}

export function renderFeedbackSavedCard(data: FeedbackSavedCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

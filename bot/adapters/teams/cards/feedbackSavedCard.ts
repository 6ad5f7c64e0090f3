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
  closes: string;
}

export function feedbackSavedCardData(view: FeedbackFormView): FeedbackSavedCardData {
  const response = view.existing;
  return {
    offerId: view.offer.id,
    title: view.offer.title,
    when: sessionTime(view.offer),
    valueText: response ? `${response.value} out of 5` : '—',
    sharedText: response?.anonymous ? 'Anonymously' : 'With your name',
    closes: instantText(view.closesAt, view.offer.timeZone),
  };
}

export function renderFeedbackSavedCard(data: FeedbackSavedCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

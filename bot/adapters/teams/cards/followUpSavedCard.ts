import template from './followUpSavedCard.json';
import { FollowUpSaved } from '../../../app/followUp/submitFollowUp';
import { useTitles } from './followUpFormCard';
import { instantText, sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface FollowUpSavedCardData {
  offerId: string;
  title: string;
  when: string;
  facts: Array<{ title: string; value: string }>;
  note: string;
}

/** What was saved, with confidence at the three points where the person gave feedback too. */
export function followUpSavedCardData(saved: FollowUpSaved): FollowUpSavedCardData {
  const response = saved.existing;
  const goalId = response.relatedGoalId;
  const feedback = saved.feedback;
  return {
    offerId: saved.offer.id,
    title: saved.offer.title,
    when: sessionTime(saved.offer),
    facts: [
      { title: 'Used it', value: useTitles[response.used] },
      {
        title: 'Confidence',
        value: feedback
          ? `${feedback.before.confidence} before → ${feedback.after.confidence} after → ${response.confidenceNow} now (out of 5)`
          : `${response.confidenceNow} out of 5 now`,
      },
      { title: 'Shared', value: response.anonymous ? 'Anonymously' : 'With your name' },
      { title: 'Goal', value: goalId ? (saved.goalChoices.find((g) => g.id === goalId)?.title ?? 'One of your goals') : 'None' },
      { title: 'Open until', value: instantText(saved.window.closesAt, saved.offer.timeZone) },
    ],
    note:
      saved.goalLinkFailure !== null
        ? 'Your answers are saved, but your goals could not be reached just now, so the goal link may not show yet. Change your answers later to try again.'
        : '',
  };
}

export function renderFollowUpSavedCard(data: FollowUpSavedCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

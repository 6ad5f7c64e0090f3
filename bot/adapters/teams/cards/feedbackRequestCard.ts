import { Notice } from '../../../ports/outbox';
import { feedbackFormCardData, renderFeedbackFormCard } from './feedbackFormCard';
import { AdaptiveCardJson } from './render';

/** The feedback request (and its one reminder) is the empty feedback form itself, so answering takes one step. */
export function feedbackRequestCard(notice: Extract<Notice, { kind: 'feedback_request' }>): AdaptiveCardJson {
  const offer = { id: notice.offerId, title: notice.offerTitle, startsAt: new Date(notice.startsAt), endsAt: new Date(notice.endsAt), timeZone: notice.timeZone };
  return renderFeedbackFormCard(feedbackFormCardData({ offer, closesAt: new Date(notice.closesAt), reminder: notice.reminder, goalChoices: notice.goals }));
}

import { FollowUpRequestNotice } from '../../../ports/outbox';
import { followUpFormCardData, renderFollowUpFormCard } from './followUpFormCard';
import { AdaptiveCardJson } from './render';

/** The follow-up request (and its one reminder) is the empty form itself, so answering takes one step. */
export function followUpRequestCard(notice: FollowUpRequestNotice): AdaptiveCardJson {
  const offer = { id: notice.offerId, title: notice.offerTitle, startsAt: new Date(notice.startsAt), endsAt: new Date(notice.endsAt), timeZone: notice.timeZone };
  return renderFollowUpFormCard(
    followUpFormCardData({ offer, closesAt: new Date(notice.closesAt), reminder: notice.reminder, goalChoices: notice.goals, feedbackConfidence: notice.feedbackConfidence }),
  );
}

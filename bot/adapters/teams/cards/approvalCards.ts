import { ApprovalNotice } from '../../../ports/approvalNotices';
import { approvalVerbs } from '../verbs/approvalSchema';
import { instantText, placeText, sessionTime } from './format';
import template from './approvalRequestCard.json';
import { messageCard } from './messageCard';
import { AdaptiveCardJson, renderTemplate } from './render';

type ActionData = Record<string, string | number>;

/** The 1:1 card an approver gets for a place held on a session in the school day. */
export interface ApprovalRequestCardData {
  heading: string;
  title: string;
  explanation: string;
  facts: Array<{ title: string; value: string }>;
  approveVerb: string;
  declineVerb: string;
  actionData: ActionData;
  approveFallbackData: ActionData;
  declineFallbackData: ActionData;
}

export function approvalRequestCardData(notice: Extract<ApprovalNotice, { kind: 'approval_request' }>): ApprovalRequestCardData {
  const session = { startsAt: new Date(notice.startsAt), endsAt: new Date(notice.endsAt), timeZone: notice.timeZone };
  const actionData = { cardVersion: 1, offerId: notice.offerId, personId: notice.personId, queueNumber: notice.queueNumber };
  return {
    heading: `${notice.personName} asks to attend CLPL in the school day`,
    title: notice.offerTitle,
    explanation: `This session needs your school's approval (for example, to arrange cover). A place is held for ${notice.personName} until you answer.`,
    facts: [
      { title: 'When', value: sessionTime(session) },
      { title: 'Where', value: placeText({ location: notice.location, onlineLink: notice.onlineLink }) },
      { title: 'Answer by', value: `${instantText(new Date(notice.expiresAt), notice.timeZone)} (then the place goes to the next person waiting)` },
    ],
    approveVerb: approvalVerbs.approve,
    declineVerb: approvalVerbs.decline,
    actionData,
    approveFallbackData: { verb: approvalVerbs.approve, ...actionData },
    declineFallbackData: { verb: approvalVerbs.decline, ...actionData },
  };
}

export function renderApprovalRequestCard(data: ApprovalRequestCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

/** Every approval notice as the card its recipient gets. */
export function approvalNoticeCard(notice: ApprovalNotice): AdaptiveCardJson {
  const when = { title: 'When', value: instantText(new Date(notice.startsAt), notice.timeZone) };
  switch (notice.kind) {
    case 'approval_request':
      return renderApprovalRequestCard(approvalRequestCardData(notice));
    case 'approval_held':
      return messageCard('Awaiting your school’s approval', `A place is held for you on "${notice.offerTitle}". It is in the school day, so your school has been asked to approve it. You will be told the answer.`, 'Warning', [
        when,
        { title: 'Held until', value: instantText(new Date(notice.expiresAt), notice.timeZone) },
        { title: 'Changed your mind?', value: 'Type "my clpl" to withdraw and free the place for someone else.' },
      ]);
    case 'approval_answered':
      return notice.outcome === 'approved'
        ? messageCard('Approved: you have a place', `${notice.deciderName} approved your place on "${notice.offerTitle}". You are confirmed.`, 'Good', [when])
        : messageCard('Not approved', `${notice.deciderName} did not approve your place on "${notice.offerTitle}", so it has gone to the next person waiting.`, 'Warning', [when]);
    case 'approval_lapsed':
      return notice.toApprover
        ? messageCard('Approval request ran out', `No one answered for ${notice.personName}'s place on "${notice.offerTitle}" in time, so it has gone to the next person waiting. ${notice.personName} has been told.`, 'Default', [when])
        : messageCard('Your held place was released', `Your school did not answer in time for your place on "${notice.offerTitle}", so it has gone to the next person waiting. You can sign up again if places remain.`, 'Warning', [when]);
  }
}

/** What the approver sees in place of the request card once they have answered. */
export function approvalResultCard(input: { outcome: 'approved' | 'declined'; personName: string; title: string; promoted: number }): AdaptiveCardJson {
  if (input.outcome === 'approved') return messageCard('Approved', `${input.personName} is confirmed for "${input.title}" and has been told.`, 'Good');
  const next = input.promoted > 0 ? ' The place has gone to the next person waiting.' : ' The place is free again.';
  return messageCard('Declined', `${input.personName} has been told their place on "${input.title}" was not approved.${next}`, 'Default');
}

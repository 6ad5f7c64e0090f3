import { ProposalNotice } from '../../../ports/proposalNotices';
import { proposalVerbs } from '../verbs/proposalSchema';
import { placeText, sessionTime } from './format';
import template from './proposalCard.json';
import { AdaptiveCardJson, renderTemplate } from './render';

type ActionData = Record<string, string | number>;

/** The approval request a senior leader gets 1:1 for an offer proposed by a member of staff. */
export interface ProposalCardData {
  heading: string;
  title: string;
  description: string;
  proposerName: string;
  facts: Array<{ title: string; value: string }>;
  approveVerb: string;
  declineVerb: string;
  actionData: ActionData;
  approveFallbackData: ActionData;
  declineFallbackData: ActionData;
}

export function proposalCardData(notice: Extract<ProposalNotice, { kind: 'offer_proposal' }>): ProposalCardData {
  const session = { startsAt: new Date(notice.startsAt), endsAt: new Date(notice.endsAt), timeZone: notice.timeZone };
  const actionData = { cardVersion: 1, proposalId: notice.proposalId };
  return {
    heading: `${notice.proposerName} proposes a CLPL session`,
    title: notice.offerTitle,
    description: notice.description,
    proposerName: notice.proposerName,
    facts: [
      { title: 'When', value: sessionTime(session) },
      { title: 'Where', value: placeText({ location: notice.location, onlineLink: notice.onlineLink }) },
      { title: 'Led by', value: notice.facilitatorName },
      { title: 'Places', value: String(notice.capacity) },
    ],
    approveVerb: proposalVerbs.approve,
    declineVerb: proposalVerbs.decline,
    actionData,
    approveFallbackData: { verb: proposalVerbs.approve, ...actionData },
    declineFallbackData: { verb: proposalVerbs.decline, ...actionData },
  };
}

export function renderProposalCard(data: ProposalCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

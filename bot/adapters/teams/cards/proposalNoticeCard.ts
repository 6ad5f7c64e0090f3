import { ProposalNotice } from '../../../ports/proposalNotices';
import { messageCard } from './messageCard';
import { proposalCardData, renderProposalCard } from './proposalCard';
import { AdaptiveCardJson } from './render';

/** The approval request to a senior leader, or the outcome to the member of staff who proposed the offer. */
export function proposalNoticeCard(notice: ProposalNotice): AdaptiveCardJson {
  if (notice.kind === 'offer_proposal') return renderProposalCard(proposalCardData(notice));
  const reason = notice.reason ? [{ title: 'Note', value: notice.reason }] : [];
  if (notice.outcome === 'approved') {
    const where = notice.channelName ? ` and posted in ${notice.channelName}` : '';
    return messageCard('Your offer was approved', `${notice.deciderName} approved "${notice.offerTitle}"${where}. Staff can now sign up.`, 'Good', reason);
  }
  return messageCard('Your offer was not approved', `${notice.deciderName} declined "${notice.offerTitle}". It has not been posted.`, 'Warning', reason);
}

/** What the senior leader sees in place of the approval card once they have decided. */
export function decisionResultCard(input: { outcome: 'approved' | 'declined'; title: string; proposerName: string; channelName: string | null }): AdaptiveCardJson {
  if (input.outcome === 'approved') {
    return messageCard('Approved and posted', `"${input.title}" is now in ${input.channelName ?? 'the CLPL channel'}. ${input.proposerName} has been told.`, 'Good');
  }
  return messageCard('Declined', `"${input.title}" was not posted. ${input.proposerName} has been told.`, 'Default');
}

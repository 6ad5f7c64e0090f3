import { Activity, CardFactory, CloudAdapter, ConversationParameters, MessageFactory, TurnContext } from 'botbuilder';
import { AddressBook } from '../../ports/addressBook';
import { DeliveryThrottled, Messenger, RecipientUnreachable } from '../../ports/messenger';
import { Notice } from '../../ports/outbox';
import { parseAddress, serialiseAddress } from './addresses';
import { instantText } from './cards/format';
import { groupOfferPostedCard } from './cards/groupOfferPostedCard';
import { messageCard } from './cards/messageCard';
import { feedbackRequestCard } from './cards/feedbackRequestCard';
import { followUpRequestCard } from './cards/followUpRequestCard';
import { shareInviteCard } from './cards/shareCards';
import { offerChangeNoticeCard } from './cards/offerChangeNoticeCard';
import { proposalNoticeCard } from './cards/proposalNoticeCard';
import { observationNoticeCard } from './cards/observationCards';
import { programmeNoticeCard } from './cards/programmeCards';
import { approvalNoticeCard } from './cards/approvalCards';
import { reflectionPromptNoticeCard } from './cards/reflectionFormCard';
import { retryAfterMsOf, SendBudgets, statusOf, withinBudget } from './throttling';

/** Sends notices 1:1 through Teams; the outbox decides about retries from the errors it throws. */
export class TeamsMessenger implements Messenger {
  constructor(private readonly deps: { adapter: CloudAdapter; botAppId: string; addresses: AddressBook; budgets: SendBudgets }) {}

  async sendNotice(recipientId: string, notice: Notice): Promise<void> {
    const stored = await this.deps.addresses.find({ kind: 'person', personId: recipientId });
    if (!stored) throw new RecipientUnreachable('the app is not installed for this person and they have not been seen in a team');
    const address = parseAddress(stored);
    const message = MessageFactory.attachment(CardFactory.adaptiveCard(noticeCard(notice)));
    try {
      if (address.kind === 'conversation') {
        const conversationId = address.reference.conversation?.id ?? recipientId;
        const tenantId = address.reference.conversation?.tenantId ?? null;
        await withinBudget(this.deps.budgets, { conversationId, tenantId }, () =>
          this.deps.adapter.continueConversationAsync(this.deps.botAppId, address.reference, async (context) => {
            await context.sendActivity(message);
          }),
        );
        return;
      }
      await this.createPersonalConversation(recipientId, address, message);
    } catch (error) {
      throw translate(error);
    }
  }

  /** First message to a team member: Teams creates the 1:1 chat; its reference is kept for next time. */
  private async createPersonalConversation(
    recipientId: string,
    address: Extract<ReturnType<typeof parseAddress>, { kind: 'teamMember' }>,
    message: Partial<Activity>,
  ): Promise<void> {
    const parameters = {
      isGroup: false,
      bot: { id: address.botId, name: 'CLPL' },
      members: [{ id: address.userId, name: '' }],
      tenantId: address.tenantId ?? undefined,
      channelData: address.tenantId ? { tenant: { id: address.tenantId } } : undefined,
    } as ConversationParameters;
    await withinBudget(this.deps.budgets, { conversationId: `new:${recipientId}`, tenantId: address.tenantId }, () =>
      this.deps.adapter.createConversationAsync(this.deps.botAppId, 'msteams', address.serviceUrl, '', parameters, async (context: TurnContext) => {
        const reference = TurnContext.getConversationReference(context.activity);
        await this.deps.addresses.save({ kind: 'person', personId: recipientId }, serialiseAddress({ kind: 'conversation', reference }));
        await context.sendActivity(message);
      }),
    );
  }
}

function translate(error: unknown): Error {
  const status = statusOf(error);
  if (status === 403 || status === 404) return new RecipientUnreachable(`Teams refused the message (HTTP ${status}): the person may have blocked or removed the app`);
  if (status === 429) return new DeliveryThrottled(retryAfterMsOf(error));
  return error instanceof Error ? error : new Error(String(error));
}

export function noticeCard(notice: Notice) {
  switch (notice.kind) {
    case 'session_reminder':
      return messageCard(`Reminder: ${notice.offerTitle}`, 'You are confirmed for this CLPL session.', 'Default', [
        { title: 'When', value: instantText(new Date(notice.startsAt), notice.timeZone) },
        { title: 'Where', value: notice.location ?? (notice.onlineLink ? 'Online' : '—') },
        ...(notice.onlineLink ? [{ title: 'Join', value: notice.onlineLink }] : []),
        { title: "Can't make it?", value: 'Type "my clpl" to withdraw and free the place for someone on the waitlist.' },
      ]);
    case 'waitlist_promotion':
      return messageCard('You have a place', `A place opened up and you are now confirmed for "${notice.offerTitle}".`, 'Good', [
        { title: 'When', value: instantText(new Date(notice.startsAt), notice.timeZone) },
        { title: 'Changed your mind?', value: 'Type "my clpl" to withdraw and free the place for someone else.' },
      ]);
    case 'feedback_request':
      return feedbackRequestCard(notice);
    case 'follow_up_request':
      return followUpRequestCard(notice);
    case 'share_invite':
      return shareInviteCard(notice);
    case 'offer_changed':
    case 'moved_to_waitlist':
    case 'offer_cancelled':
      return offerChangeNoticeCard(notice);
    case 'offer_proposal':
    case 'proposal_decided':
      return proposalNoticeCard(notice);
    case 'reflection_prompt':
      return reflectionPromptNoticeCard(notice);
    case 'observation_invite':
    case 'observation_answered':
    case 'observation_cancelled':
    case 'observation_reflection_request':
      return observationNoticeCard(notice);
    case 'programme_offer_not_posted':
      return programmeNoticeCard(notice);
    case 'group_offer_posted':
      return groupOfferPostedCard(notice);
    case 'approval_request':
    case 'approval_held':
    case 'approval_answered':
    case 'approval_lapsed':
      return approvalNoticeCard(notice);
  }
}

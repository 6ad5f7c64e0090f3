import { CardFactory, CloudAdapter, ConversationReference, MessageFactory, TurnContext } from 'botbuilder';
import { Clock } from '../../ports/clock';
import { AddressBook } from '../../ports/addressBook';
import { OfferBoard, OfferCardView, PostedCard } from '../../ports/offerBoard';
import { parseAddress } from './addresses';
import { offerCardData, renderOfferCard } from './cards/offerCard';
import { renderShareReplyCard, shareReplyCardData } from './cards/shareCards';
import { LearningShare } from '../../domain/learningShare';
import { SendBudgets, withinBudget } from './throttling';

/** Posts offer cards to a team channel and updates them in place, within the channel's shared rate budget. */
export class TeamsOfferBoard implements OfferBoard {
  constructor(
    private readonly deps: { adapter: CloudAdapter; botAppId: string; addresses: AddressBook; budgets: SendBudgets; clock: Clock },
  ) {}

  async post(channelId: string, view: OfferCardView): Promise<PostedCard> {
    const reference = await this.channelReference(channelId);
    const card = renderOfferCard(offerCardData(view, this.deps.clock.now()));
    let activityId = '';
    await withinChannel(this.deps, channelId, reference, async (context) => {
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      activityId = sent?.id ?? '';
    });
    if (activityId === '') throw new Error('Teams did not return an id for the posted card');
    return { offerId: view.offer.id, conversationId: channelId, activityId };
  }

  async update(card: PostedCard, loadView: () => Promise<OfferCardView | null>): Promise<void> {
    const reference = await this.channelReference(card.conversationId);
    await withinChannel(this.deps, card.conversationId, reference, async (context) => {
      // Read once the slot is ours, so the card shows the newest state, not the one that queued the update.
      const view = await loadView();
      if (!view) return;
      const rendered = renderOfferCard(offerCardData(view, this.deps.clock.now()));
      await context.updateActivity({ id: card.activityId, type: 'message', attachments: [CardFactory.adaptiveCard(rendered)] });
    });
  }

  /**
   * A reply in a channel thread goes to the conversation `{channel id};messageid={root activity id}`: the Bot
   * Connector then posts it under that message (POST /v3/conversations/{that id}/activities).
   */
  async replyUnder(card: PostedCard, share: LearningShare, offerTitle: string): Promise<string> {
    const reference = await this.channelReference(card.conversationId);
    const thread = { ...reference, conversation: { ...reference.conversation!, id: `${card.conversationId};messageid=${card.activityId}` } };
    const rendered = renderShareReplyCard(shareReplyCardData(share, offerTitle));
    let replyId = '';
    await withinChannel(this.deps, card.conversationId, thread, async (context) => {
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(rendered)));
      replyId = sent?.id ?? '';
    });
    if (replyId === '') throw new Error('Teams did not return an id for the reply');
    return replyId;
  }

  private async channelReference(channelId: string): Promise<Partial<ConversationReference>> {
    const stored = await this.deps.addresses.find({ kind: 'channel', channelId });
    if (!stored) throw new Error(`No address is stored for channel ${channelId}; the app must be installed in its team`);
    const address = parseAddress(stored);
    if (address.kind !== 'conversation') throw new Error(`Channel ${channelId} has an unexpected address`);
    return address.reference;
  }
}

async function withinChannel(
  deps: { adapter: CloudAdapter; botAppId: string; budgets: SendBudgets },
  channelId: string,
  reference: Partial<ConversationReference>,
  work: (context: TurnContext) => Promise<void>,
): Promise<void> {
  const target = { conversationId: channelId, tenantId: reference.conversation?.tenantId ?? null };
  await withinBudget(deps.budgets, target, () => deps.adapter.continueConversationAsync(deps.botAppId, reference, work));
}

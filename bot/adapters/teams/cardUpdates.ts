import { BotAdapter, CardFactory, ConversationReference } from 'botbuilder';
import { AdaptiveCardJson } from './cards/render';
import { SendBudgets, withinBudget } from './throttling';

/**
 * Replaces a posted card in place (`updateActivity`), inside the conversation's and tenant's send budgets: Teams counts
 * an update like a send. `render` runs once the update's turn has come, so it draws the newest state (null: skip).
 */
export async function updateCardInPlace(
  deps: { adapter: BotAdapter; botAppId: string; budgets: SendBudgets },
  reference: Partial<ConversationReference> & { conversation: { id: string; tenantId?: string } },
  activityId: string,
  render: () => Promise<AdaptiveCardJson | null>,
): Promise<void> {
  // A click in a channel names the card's thread (`;messageid=`); the budget is the channel's.
  const target = { conversationId: reference.conversation.id.split(';messageid=')[0] ?? reference.conversation.id, tenantId: reference.conversation.tenantId ?? null };
  await withinBudget(deps.budgets, target, () =>
    deps.adapter.continueConversationAsync(deps.botAppId, reference, async (context) => {
      const card = await render();
      if (!card) return;
      await context.updateActivity({ id: activityId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    }),
  );
}

import { CloudAdapter } from 'botbuilder';
import { TrackingView } from '../../domain/reflections';
import { AddressBook } from '../../ports/addressBook';
import { TrackingCard } from '../../ports/reflectionStore';
import { TrackingBoard } from '../../ports/trackingBoard';
import { parseAddress } from './addresses';
import { updateCardInPlace } from './cardUpdates';
import { reflectionTrackingCardData, renderReflectionTrackingCard } from './cards/reflectionTrackingCard';
import { SendBudgets } from './throttling';

/** Redraws a manager's tracking card in their 1:1 chat, within the conversation's and tenant's shared rate budgets. */
export class TeamsTrackingBoard implements TrackingBoard {
  constructor(private readonly deps: { adapter: CloudAdapter; botAppId: string; addresses: AddressBook; budgets: SendBudgets }) {}

  async update(card: TrackingCard, managerId: string, loadView: () => Promise<TrackingView | null>): Promise<void> {
    const stored = await this.deps.addresses.find({ kind: 'person', personId: managerId });
    if (!stored) throw new Error('no address is stored for the manager');
    const address = parseAddress(stored);
    if (address.kind !== 'conversation') throw new Error('the manager has no 1:1 conversation with the bot');
    const reference = { ...address.reference, conversation: { ...address.reference.conversation!, id: card.conversationId } };
    await updateCardInPlace(this.deps, reference, card.activityId, async () => {
      const view = await loadView();
      return view ? renderReflectionTrackingCard(reflectionTrackingCardData(view)) : null;
    });
  }
}

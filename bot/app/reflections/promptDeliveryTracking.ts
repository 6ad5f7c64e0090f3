import { Messenger, RecipientUnreachable } from '../../ports/messenger';
import { Notice } from '../../ports/outbox';
import { ReflectionStore } from '../../ports/reflectionStore';

/**
 * Wraps the messenger so the outcome of each reflection prompt's delivery is recorded on the prompt and its round's
 * tracking card is redrawn: "couldn't reach" shows as soon as Teams refuses the 1:1 message, "sent" once it arrives.
 * Other notices pass straight through; the outbox still decides about retries from the same errors.
 */
export function trackingPromptDelivery(inner: Messenger, deps: { reflections: ReflectionStore; roundChanged(roundId: string): void }): Messenger {
  const record = async (notice: Notice, delivery: 'sent' | 'unreachable') => {
    if (notice.kind !== 'reflection_prompt') return;
    const prompt = await deps.reflections.setPromptDelivery(notice.promptId, delivery);
    if (prompt) deps.roundChanged(prompt.roundId);
  };
  return {
    async sendNotice(recipientId, notice) {
      try {
        await inner.sendNotice(recipientId, notice);
      } catch (error) {
        if (error instanceof RecipientUnreachable) await record(notice, 'unreachable').catch(() => undefined);
        throw error;
      }
      await record(notice, 'sent').catch(() => undefined);
    },
  };
}

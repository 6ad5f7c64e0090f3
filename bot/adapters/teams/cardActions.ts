import { Logger } from 'pino';
import { isDomainError } from '../../domain/errors';
import { messageCard } from './cards/messageCard';
import { AdaptiveCardJson } from './cards/render';
import { errorText, unexpectedErrorText } from './errorText';
import { verbHandlers } from './verbs/registry';
import { ActionContext } from './verbs/types';

export type { ActionContext } from './verbs/types';

/** Runs one card action routed by its verb; every outcome is a card for the person, never a stack trace. */
export async function runCardAction(ctx: ActionContext, verb: string, data: unknown): Promise<AdaptiveCardJson> {
  const handler = verbHandlers[verb];
  if (!handler) {
    return messageCard('That button is out of date', 'I do not recognise this action. Type "my clpl" to see your sessions.', 'Warning');
  }
  try {
    return await handler(ctx, data);
  } catch (error) {
    return cardForError(ctx.logger, verb, error);
  }
}

export function cardForError(logger: Logger, verb: string, error: unknown): AdaptiveCardJson {
  if (isDomainError(error)) {
    const text = errorText[error.code];
    return messageCard(text.title, text.text, 'Warning');
  }
  if (isZodError(error)) {
    return messageCard('That card is incomplete', 'This card did not send what I need. Type "my clpl" to see your sessions.', 'Warning');
  }
  logger.error({ event: 'card_action_failed', verb, err: error instanceof Error ? error.stack : String(error) });
  return messageCard(unexpectedErrorText.title, unexpectedErrorText.text, 'Attention');
}

function isZodError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ZodError';
}

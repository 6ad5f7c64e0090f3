import { Logger } from 'pino';
import { AppDependencies } from '../../../app/dependencies';
import { Person } from '../../../domain/person';
import { AdaptiveCardJson } from '../cards/render';

export interface ActionContext {
  app: AppDependencies;
  logger: Logger;
  timeZone: string;
  person: Person;
  /** The school of the team the card is in; null in a 1:1 chat. */
  schoolId: string | null;
  /** The card that was clicked (when Teams says), so a card that replaces it can be updated in place later. */
  card?: { conversationId: string; activityId: string };
  /** Redraws that card in place later (after the invoke has been answered), within the send budgets. */
  updateCard?(render: () => Promise<AdaptiveCardJson>): Promise<void>;
}

/** One `Action.Execute` verb: validates its data (throwing a ZodError on a bad shape) and returns the card to show. */
export type VerbHandler = (ctx: ActionContext, data: unknown) => Promise<AdaptiveCardJson>;

import { offerVerbs } from './offerVerbs';
import { VerbHandler } from './types';

/** Every card verb the bot answers, by name. A feature adds its own module here. */
export const verbHandlers: Record<string, VerbHandler> = {
  ...offerVerbs,
};

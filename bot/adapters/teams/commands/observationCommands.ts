import { observationForm } from '../verbs/observationVerbs';
import { TextCommand } from './types';

export const observe: TextCommand = {
  name: 'observe',
  phrases: /^(observe|peer observation|learning visit|observation)$/,
  help: { title: 'observe', text: 'Offer your lesson for a peer observation, or ask to visit a colleague’s, with a focus; afterwards you both reflect.', forSlt: false },
  async run(ctx) {
    await ctx.replyCard(await observationForm(ctx, await ctx.schoolId()));
  },
};

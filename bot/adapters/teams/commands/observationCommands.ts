import { myObservationsThisYear } from '../../../app/peerObservation/myObservations';
import { myObservationsCardData, renderMyObservationsCard } from '../cards/myObservationsCard';
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

/** The person's own visits this year, with what they can do with each now (answer, cancel, reflect, read). */
export const myObservations: TextCommand = {
  name: 'myObservations',
  phrases: /^(my observations|my peer observations|my learning visits|my visits)$/,
  help: { title: 'my observations', text: 'Your peer observations this school year: answer, cancel, reflect or read the reflections.', forSlt: false },
  async run(ctx) {
    // Whom one visits and on what focus is between the two of them: never listed where the team can see.
    if (ctx.channel) {
      await ctx.replyText('Say "my observations" to me in our 1:1 chat: your peer observations are just for you and your colleague.');
      return;
    }
    await ctx.replyCard(renderMyObservationsCard(myObservationsCardData(await myObservationsThisYear(ctx.app, ctx.person.id), ctx.person.id)));
  },
};

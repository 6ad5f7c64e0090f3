import { unreachablePeople } from '../../../app/reachability/unreachablePeople';
import { instantText } from '../cards/format';
import { messageCard } from '../cards/messageCard';
import { TextCommand } from './types';

/** Many reasons are long; a FactSet row stays readable. */
const maxShown = 50;

export const unreachable: TextCommand = {
  name: 'unreachable',
  phrases: /^(unreachable|who (can't|cannot|can not) (be reached|i reach)|unreachable staff)$/,
  help: { title: 'unreachable', text: 'Who I cannot message 1:1 (the app is not installed for them), and why.', forSlt: true },
  async run(ctx) {
    const schoolId = await ctx.schoolId();
    const people = await unreachablePeople(ctx.app, { schoolId, personId: ctx.person.id });
    if (people.length === 0) {
      await ctx.replyCard(messageCard('Everyone can be reached', 'No one in your school has missed a message from me.', 'Good'));
      return;
    }
    const facts = people.slice(0, maxShown).map((p) => ({
      title: p.name ?? `Not seen in a team yet (${p.personId})`,
      value: `${p.reason} — since ${instantText(p.since, ctx.app.quietHours.timeZone)}`,
    }));
    const more = people.length > maxShown ? ` The first ${maxShown} are shown.` : '';
    await ctx.replyCard(
      messageCard(
        `${people.length} ${people.length === 1 ? 'person' : 'people'} I cannot reach`,
        `They miss reminders and other messages. Ask your Teams admin to install the app for them (a Teams app setup policy), or ask them to open the app once.${more}`,
        'Warning',
        facts,
      ),
    );
  },
};

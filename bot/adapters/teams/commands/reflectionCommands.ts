import { lineManagementView } from '../../../app/reflections/lineManagementMap';
import { promptForm } from '../../../app/reflections/promptReflection';
import { DomainError } from '../../../domain/errors';
import { lineManagementCardData, renderLineManagementCard } from '../cards/lineManagementCard';
import { reflectionPromptFormCardData, renderReflectionPromptFormCard } from '../cards/reflectionPromptFormCard';
import { TextCommand } from './types';

export const promptReflection: TextCommand = {
  name: 'promptReflection',
  phrases: /^(prompt reflection|prompt reflections|prd reflection|prompt prd)$/,
  help: { title: 'prompt reflection', text: 'Line managers: ask your direct reports to reflect before their PRD meeting, and see who is ready.', forSlt: false },
  async run(ctx) {
    if (ctx.channel) {
      await ctx.replyText('Say "prompt reflection" to me in our 1:1 chat: the tracking card is just for you.');
      return;
    }
    const schoolId = await ctx.schoolId();
    await ctx.replyCard(renderReflectionPromptFormCard(reflectionPromptFormCardData(await promptForm(ctx.app, { schoolId, managerId: ctx.person.id }))));
  },
};

export const lineManagers: TextCommand = {
  name: 'lineManagers',
  phrases: /^(line managers|line management|line manager map)$/,
  help: { title: 'line managers', text: 'Import (CSV) or edit who line-manages whom, for PRD reflection.', forSlt: true },
  async run(ctx) {
    const schoolId = await ctx.schoolId();
    if (!ctx.app.leadership.isSlt(schoolId, ctx.person.id)) throw new DomainError('not_slt');
    await ctx.replyCard(renderLineManagementCard(lineManagementCardData(await lineManagementView(ctx.app, { schoolId, personId: ctx.person.id }))));
  },
};

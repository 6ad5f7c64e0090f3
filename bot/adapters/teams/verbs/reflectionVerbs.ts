import { readReflection, reflectionForm, saveReflection } from '../../../app/reflections/answerReflection';
import { lineManagementView, setLineManager } from '../../../app/reflections/lineManagementMap';
import { nudgeRound, promptForm, sendReflectionPrompts, trackingView } from '../../../app/reflections/promptReflection';
import { clplYearSummary } from '../../../app/reflections/yearSummary';
import { schoolForPerson } from '../../../app/schools';
import { isReflectionError } from '../../../domain/lineManagement';
import { lineManagementCardData, renderLineManagementCard } from '../cards/lineManagementCard';
import { messageCard } from '../cards/messageCard';
import { reflectionFormCardData, ReflectionFormValues, renderReflectionFormCard, valuesOfAnswers } from '../cards/reflectionFormCard';
import { reflectionPromptFormCardData, renderReflectionPromptFormCard } from '../cards/reflectionPromptFormCard';
import { reflectionReadCardData, renderReflectionReadCard } from '../cards/reflectionReadCard';
import { reflectionTrackingCardData, renderReflectionTrackingCard } from '../cards/reflectionTrackingCard';
import { AdaptiveCardJson } from '../cards/render';
import { importMap } from './lineManagementImportVerb';
import {
  lineManagementSetData,
  parseReflectionForm,
  promptActionData,
  promptFormData,
  roundActionData,
  staffIdsOf,
} from './reflectionSchema';
import { ActionContext, VerbHandler } from './types';

export const reflectionVerbNames = {
  prompt: 'reflection.prompt.v1',
  nudge: 'reflection.nudge.v1',
  track: 'reflection.track.v1',
  open: 'reflection.open.v1',
  save: 'reflection.save.v1',
  read: 'reflection.read.v1',
  importMap: 'lineManagement.import.v1',
  setManager: 'lineManagement.set.v1',
} as const;

async function schoolOf(ctx: ActionContext): Promise<string> {
  return ctx.schoolId ?? (await schoolForPerson(ctx.app, ctx.person.id)).id;
}

/** A refusal the person can act on, as a card; anything else goes to the common error handling. */
function refusalCard(error: unknown): AdaptiveCardJson {
  if (!isReflectionError(error)) throw error;
  return messageCard('Not done', error.message, 'Warning', Object.entries(error.fieldErrors).map(([title, value]) => ({ title, value })));
}

const checkAnswers = 'Please check the highlighted answers. Nothing has been saved yet.';

async function prompt(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const values = promptFormData.parse(data ?? {});
  const schoolId = await schoolOf(ctx);
  try {
    const round = await sendReflectionPrompts(ctx.app, { schoolId, manager: ctx.person, staffIds: staffIdsOf(values.staffIds), dueDate: values.dueDate.trim(), message: values.message });
    // The tracking card replaces the form in place; remembering where lets answers redraw it.
    if (ctx.card) await ctx.app.stores.reflections.saveTrackingCard({ roundId: round.id, ...ctx.card });
    const view = await trackingView(ctx.app, { roundId: round.id, managerId: ctx.person.id });
    return renderReflectionTrackingCard(reflectionTrackingCardData(view));
  } catch (error) {
    if (!isReflectionError(error)) throw error;
    if (error.code !== 'invalid_prompt' && error.code !== 'not_a_direct_report') return refusalCard(error);
    const form = await promptForm(ctx.app, { schoolId, managerId: ctx.person.id });
    return renderReflectionPromptFormCard(reflectionPromptFormCardData(form, values, error.fieldErrors, error.code === 'invalid_prompt' ? 'Please check the highlighted answers. Nothing has been sent.' : `${error.message} Nothing has been sent.`));
  }
}

async function nudge(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const { roundId } = roundActionData.parse(data);
  try {
    const { nudged, waiting } = await nudgeRound(ctx.app, { roundId, managerId: ctx.person.id });
    const view = await trackingView(ctx.app, { roundId, managerId: ctx.person.id });
    const names = nudged.map((p) => p.staffName).join(', ');
    const notice =
      nudged.length > 0
        ? { text: `Nudged ${names}.${waiting > 0 ? ` ${waiting} more already nudged in the last day.` : ''}`, color: 'Good' }
        : { text: waiting > 0 ? 'Everyone waiting was already prompted in the last day: try again tomorrow.' : 'Nobody to nudge.', color: 'Warning' };
    return renderReflectionTrackingCard(reflectionTrackingCardData(view, notice));
  } catch (error) {
    return refusalCard(error);
  }
}

async function track(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const { roundId } = roundActionData.parse(data);
  try {
    return renderReflectionTrackingCard(reflectionTrackingCardData(await trackingView(ctx.app, { roundId, managerId: ctx.person.id })));
  } catch (error) {
    return refusalCard(error);
  }
}

async function formCard(ctx: ActionContext, promptId: string, options: { values?: ReflectionFormValues; errors?: Record<string, string>; formMessage?: { text: string; color: string } } = {}) {
  const view = await reflectionForm(ctx.app, { promptId, personId: ctx.person.id });
  const round = await ctx.app.stores.reflections.findRound(view.prompt.roundId);
  const standardAreas = [...ctx.app.tagCatalogue.standards];
  if (!view.open) {
    return renderReflectionReadCard(reflectionReadCardData({ prompt: view.prompt, reflection: view.existing, ownView: true, open: false, notice: `Reflection closed on ${view.prompt.dueDate}.` }));
  }
  const summary = await clplYearSummary(ctx.app, ctx.person.id);
  const notice = { promptId, managerName: round?.managerName ?? 'Your line manager', dueDate: view.prompt.dueDate, message: view.prompt.message, nudge: false, summary, standardAreas };
  const values = options.values ?? (view.existing ? valuesOfAnswers(view.existing.answers, standardAreas) : undefined);
  return renderReflectionFormCard(reflectionFormCardData({ notice, values, submitted: view.existing?.status === 'submitted', errors: options.errors, formMessage: options.formMessage }));
}

async function open(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const { promptId } = promptActionData.parse(data);
  try {
    return await formCard(ctx, promptId);
  } catch (error) {
    return refusalCard(error);
  }
}

async function save(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const form = parseReflectionForm(data, ctx.app.tagCatalogue.standards);
  try {
    const saved = await saveReflection(ctx.app, { promptId: form.promptId, person: ctx.person, answers: form.answers, submit: form.submit });
    if (saved.goalLinkFailure) ctx.logger.warn({ event: 'reflection_goal_link_failed', promptId: form.promptId, reason: saved.goalLinkFailure });
    if (saved.reflection.status === 'draft') {
      return await formCard(ctx, form.promptId, { values: form.values, formMessage: { text: `Draft saved. Submit by ${saved.prompt.dueDate}.`, color: 'Good' } });
    }
    if (saved.proposedGoalsFailure) {
      ctx.logger.warn({ event: 'reflection_proposed_goals_failed', promptId: form.promptId, notAdded: saved.proposedGoalsFailure.notAdded.length, reason: saved.proposedGoalsFailure.reason });
    }
    const added = saved.proposedGoals > 0 ? ` ${saved.proposedGoals} proposed goal${saved.proposedGoals === 1 ? '' : 's'} added to My goals for your PRD meeting.` : '';
    const missed = saved.proposedGoalsFailure
      ? ` Your goals could not be reached just now, so ${saved.proposedGoalsFailure.notAdded.length === 1 ? 'one next-year focus was' : `${saved.proposedGoalsFailure.notAdded.length} next-year focuses were`} not added to My goals: your reflection keeps them, and you can add them in My goals later.`
      : '';
    const goals = added + missed;
    return renderReflectionReadCard(
      reflectionReadCardData({ prompt: saved.prompt, reflection: saved.reflection, ownView: true, open: true, notice: `Reflection submitted: your line manager can now read it.${goals}` }),
    );
  } catch (error) {
    if (isReflectionError(error) && error.code === 'invalid_reflection') {
      const errors = Object.fromEntries(Object.entries(error.fieldErrors).filter(([k]) => !k.startsWith('goal:')));
      const goalErrors = Object.entries(error.fieldErrors).filter(([k]) => k.startsWith('goal:')).map(([, v]) => v);
      return formCard(ctx, form.promptId, { values: form.values, errors, formMessage: { text: [checkAnswers, ...goalErrors].join(' '), color: 'Attention' } });
    }
    return refusalCard(error);
  }
}

async function read(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const { promptId } = promptActionData.parse(data);
  try {
    const { prompt: p, reflection } = await readReflection(ctx.app, { promptId, viewerId: ctx.person.id });
    return renderReflectionReadCard(reflectionReadCardData({ prompt: p, reflection, ownView: p.staffId === ctx.person.id, open: false }));
  } catch (error) {
    return refusalCard(error);
  }
}

async function setManager(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const values = { csv: '', ...lineManagementSetData.parse(data ?? {}) };
  const schoolId = await schoolOf(ctx);
  try {
    await setLineManager(ctx.app, { schoolId, personId: ctx.person.id, staff: values.staff, manager: values.manager });
    const view = await lineManagementView(ctx.app, { schoolId, personId: ctx.person.id });
    return renderLineManagementCard(lineManagementCardData(view, { message: { text: 'Saved.', color: 'Good' } }));
  } catch (error) {
    if (!isReflectionError(error)) throw error;
    const view = await lineManagementView(ctx.app, { schoolId, personId: ctx.person.id });
    return renderLineManagementCard(lineManagementCardData(view, { message: { text: `${error.message} Nothing was changed.`, color: 'Attention' }, problems: error.fieldErrors, values }));
  }
}

/** PRD reflection: prompting and tracking (line managers), answering (staff), and the line-management map (SLT). */
export const reflectionVerbs: Record<string, VerbHandler> = {
  [reflectionVerbNames.prompt]: prompt,
  [reflectionVerbNames.nudge]: nudge,
  [reflectionVerbNames.track]: track,
  [reflectionVerbNames.open]: open,
  [reflectionVerbNames.save]: save,
  [reflectionVerbNames.read]: read,
  [reflectionVerbNames.importMap]: importMap,
  [reflectionVerbNames.setManager]: setManager,
};

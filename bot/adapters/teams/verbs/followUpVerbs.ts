import { followUpForm, submitFollowUp } from '../../../app/followUp/submitFollowUp';
import { isDomainError } from '../../../domain/errors';
import { followUpFormCardData, FollowUpFormValues, renderFollowUpFormCard, valuesOfFollowUp } from '../cards/followUpFormCard';
import { followUpSavedCardData, renderFollowUpSavedCard } from '../cards/followUpSavedCard';
import { AdaptiveCardJson } from '../cards/render';
import { offerActionData } from '../cardActionSchema';
import { parseFollowUpForm } from './followUpSchema';
import { ActionContext, VerbHandler } from './types';

export const followUpVerbNames = {
  submit: 'followUp.submit.v1',
  edit: 'followUp.edit.v1',
} as const;

const checkAnswers = 'Please check the highlighted answers. Nothing has been saved yet.';

/** Giving and changing the practice follow-up; a refused answer comes back on the form with every value kept. */
export const followUpVerbs: Record<string, VerbHandler> = {
  [followUpVerbNames.submit]: submit,
  [followUpVerbNames.edit]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    const view = await followUpForm(ctx.app, { offerId, personId: ctx.person.id });
    return renderFollowUpFormCard(
      followUpFormCardData({
        offer: view.offer,
        closesAt: view.window.closesAt,
        goalChoices: view.goalChoices,
        feedbackConfidence: view.feedback ? { before: view.feedback.before.confidence, after: view.feedback.after.confidence } : null,
        values: view.existing ? valuesOfFollowUp(view.existing) : undefined,
        editing: view.existing !== undefined,
      }),
    );
  },
};

async function submit(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const { offerId } = offerActionData.parse(data);
  const form = parseFollowUpForm(data);
  if (!form.ok) return formAgain(ctx, offerId, form.values, form.errors);
  try {
    const saved = await submitFollowUp(ctx.app, { offerId, person: ctx.person, answers: form.answers });
    if (saved.goalLinkFailure) ctx.logger.warn({ event: 'follow_up_goal_link_failed', offerId, reason: saved.goalLinkFailure });
    return renderFollowUpSavedCard(followUpSavedCardData(saved));
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_follow_up') return formAgain(ctx, offerId, form.values, error.fieldErrors);
    throw error;
  }
}

/** The form again with the person's values and what to fix; a refusal (not an attendee, closed) is thrown instead. */
async function formAgain(ctx: ActionContext, offerId: string, values: FollowUpFormValues, errors: Record<string, string>): Promise<AdaptiveCardJson> {
  const view = await followUpForm(ctx.app, { offerId, personId: ctx.person.id });
  return renderFollowUpFormCard(
    followUpFormCardData({
      offer: view.offer,
      closesAt: view.window.closesAt,
      goalChoices: view.goalChoices,
      feedbackConfidence: view.feedback ? { before: view.feedback.before.confidence, after: view.feedback.after.confidence } : null,
      values,
      errors,
      formMessage: checkAnswers,
    }),
  );
}

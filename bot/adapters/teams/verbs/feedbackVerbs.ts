import { feedbackGoalOptions } from '../../../app/feedback/feedbackGoals';
import { feedbackForm, submitFeedback } from '../../../app/feedback/submitFeedback';
import { feedbackClosesAt } from '../../../domain/feedback';
import { DomainError, isDomainError } from '../../../domain/errors';
import { FeedbackFormValues, feedbackFormCardData, renderFeedbackFormCard, valuesOfResponse } from '../cards/feedbackFormCard';
import { feedbackSavedCardData, renderFeedbackSavedCard } from '../cards/feedbackSavedCard';
import { AdaptiveCardJson } from '../cards/render';
import { offerActionData } from '../cardActionSchema';
import { parseFeedbackForm } from './feedbackSchema';
import { ActionContext, VerbHandler } from './types';

export const feedbackVerbNames = {
  submit: 'feedback.submit.v1',
  edit: 'feedback.edit.v1',
} as const;

const checkAnswers = 'Please check the highlighted answers. Nothing has been saved yet.';

/** Giving and changing feedback; a refused answer comes back on the form with every value kept. */
export const feedbackVerbs: Record<string, VerbHandler> = {
  [feedbackVerbNames.submit]: submit,
  [feedbackVerbNames.edit]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    const view = await feedbackForm(ctx.app, { offerId, personId: ctx.person.id });
    const values = view.existing ? valuesOfResponse(view.existing) : undefined;
    return renderFeedbackFormCard(feedbackFormCardData({ offer: view.offer, closesAt: view.closesAt, goalChoices: view.goalChoices, values, editing: view.existing !== undefined }));
  },
};

async function submit(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const { offerId } = offerActionData.parse(data);
  const form = parseFeedbackForm(data);
  if (!form.ok) return formAgain(ctx, offerId, form.values, form.errors);
  try {
    const saved = await submitFeedback(ctx.app, { offerId, person: ctx.person, answers: form.answers });
    if (saved.goalLinkFailure) ctx.logger.warn({ event: 'feedback_goal_link_failed', offerId, reason: saved.goalLinkFailure });
    return renderFeedbackSavedCard(feedbackSavedCardData(saved, { goalNotLinked: saved.goalLinkFailure !== null }));
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_feedback') return formAgain(ctx, offerId, form.values, error.fieldErrors);
    throw error;
  }
}

async function formAgain(ctx: ActionContext, offerId: string, values: FeedbackFormValues, errors: Record<string, string>): Promise<AdaptiveCardJson> {
  const offer = await ctx.app.stores.offers.findOffer(offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  const closesAt = feedbackClosesAt(offer, ctx.app.evidence.feedback);
  const previousGoalId = (await ctx.app.stores.evidence.findFeedback(offerId, ctx.person.id))?.relatedGoalId ?? null;
  const goalChoices = await feedbackGoalOptions(ctx.app, ctx.person.id, previousGoalId);
  return renderFeedbackFormCard(feedbackFormCardData({ offer, closesAt, goalChoices, values, errors, formMessage: checkAnswers }));
}

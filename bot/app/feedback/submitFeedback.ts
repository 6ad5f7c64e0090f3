import { DomainError } from '../../domain/errors';
import { decideFeedback, feedbackClosesAt, FeedbackAnswers, feedbackGoalChoices, feedbackRefusal, FeedbackResponse } from '../../domain/feedback';
import { Offer } from '../../domain/offer';
import { Person } from '../../domain/person';
import { AppDependencies } from '../dependencies';
import { evidenceLabel, placeEvidence } from '../goals/goalEvidence';
import { checkedGoalAnswer, choicesOf, errorReason, feedbackGoalOptions, GoalChoice, goalStoreOf } from './feedbackGoals';

export interface FeedbackFormView {
  offer: Offer;
  closesAt: Date;
  existing: FeedbackResponse | undefined;
  /** The person's goals the form offers for "which goal does it relate to". */
  goalChoices: GoalChoice[];
}

export interface FeedbackSaved extends FeedbackFormView {
  /**
   * Why the answer's goal evidence could not be brought up to date (the goal store failed), for the log; null when it
   * was. The feedback itself is saved either way.
   */
  goalLinkFailure: string | null;
}

/**
 * A person gives or changes their one response; refused (nothing stored changes) when not allowed or not valid,
 * including naming a goal that is not one of their own. The response is committed first; then, as the goal store may
 * be SharePoint, the answer is linked as evidence on the chosen goal (and unlinked from a goal chosen before).
 */
export async function submitFeedback(deps: AppDependencies, input: { offerId: string; person: Person; answers: FeedbackAnswers }): Promise<FeedbackSaved> {
  const now = deps.clock.now();
  const previousGoalId = (await deps.stores.evidence.findFeedback(input.offerId, input.person.id))?.relatedGoalId ?? null;
  const checked = await checkedGoalAnswer(deps, input.person.id, input.answers, previousGoalId, feedbackGoalChoices);
  const { answers, choices, ownGoals } = checked;
  let goalLinkFailure = checked.goalLinkFailure;
  const view = await deps.stores.evidence.transaction(async (tx) => {
    const offer = await tx.lockOffer(input.offerId);
    if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
    const attendance = await tx.attendanceFor(offer.id);
    const existing = (await tx.feedbackFor(offer.id)).find((r) => r.person.id === input.person.id);
    const response = decideFeedback({ offer, attendance, existing, person: input.person, answers, goalChoices: choices, now, timing: deps.evidence.feedback });
    await tx.saveFeedback(response);
    return { offer, closesAt: feedbackClosesAt(offer, deps.evidence.feedback), existing: response };
  });
  if (ownGoals) {
    try {
      await placeEvidence(
        { goals: goalStoreOf(deps), clock: deps.clock },
        {
          ownerId: input.person.id,
          link: { kind: 'feedback', ref: view.offer.id, label: evidenceLabel(`Feedback: ${view.offer.title}`) },
          goalIds: view.existing.relatedGoalId ? [view.existing.relatedGoalId] : [],
          known: ownGoals,
        },
      );
    } catch (error) {
      goalLinkFailure = `goal evidence not updated: ${errorReason(error)}`;
    }
  }
  const chosen = view.existing.relatedGoalId;
  const goalChoices = ownGoals ? choicesOf(feedbackGoalChoices(ownGoals, chosen), chosen) : await feedbackGoalOptions(deps, input.person.id, chosen);
  return { ...view, goalChoices, goalLinkFailure };
}

/** The feedback form for a person, with their earlier answers when they gave some; refused like a submission. */
export async function feedbackForm(deps: AppDependencies, input: { offerId: string; personId: string }): Promise<FeedbackFormView> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  const attendance = await deps.stores.evidence.attendanceFor(offer.id);
  const refusal = feedbackRefusal(offer, attendance, input.personId, deps.clock.now(), deps.evidence.feedback);
  if (refusal) throw refusal;
  const existing = await deps.stores.evidence.findFeedback(offer.id, input.personId);
  const goalChoices = await feedbackGoalOptions(deps, input.personId, existing?.relatedGoalId ?? null);
  return { offer, closesAt: feedbackClosesAt(offer, deps.evidence.feedback), existing, goalChoices };
}

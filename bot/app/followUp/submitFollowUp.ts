import { DomainError } from '../../domain/errors';
import { FeedbackResponse } from '../../domain/feedback';
import { decideFollowUp, FollowUpAnswers, followUpGoalChoices, followUpRefusal, FollowUpResponse, FollowUpWindow } from '../../domain/followUp';
import { Offer } from '../../domain/offer';
import { Person } from '../../domain/person';
import { AppDependencies } from '../dependencies';
import { checkedGoalAnswer, errorReason, GoalChoice, goalStoreOf } from '../feedback/feedbackGoals';
import { evidenceLabel, placeEvidence } from '../goals/goalEvidence';
import { goalOptions } from './followUpRequests';
import { followUpWindowOf } from './followUpTiming';

export interface FollowUpFormView {
  offer: Offer;
  window: FollowUpWindow;
  existing: FollowUpResponse | undefined;
  /** Their feedback on the session, so the form can show their confidence before and after. */
  feedback: FeedbackResponse | undefined;
  goalChoices: GoalChoice[];
}

export interface FollowUpSaved extends FollowUpFormView {
  existing: FollowUpResponse;
  /** Why the goal evidence could not be brought up to date (for the log); null when it was. The answer is saved either way. */
  goalLinkFailure: string | null;
}

/**
 * A person gives or changes their one follow-up answer; refused (nothing changes) when they did not attend, it is not
 * open, or an answer is not valid (including a goal that is not theirs). Committed first; then the answer is placed as
 * evidence on the chosen goal (and taken off a goal chosen before), as the goal store may be SharePoint.
 */
export async function submitFollowUp(deps: AppDependencies, input: { offerId: string; person: Person; answers: FollowUpAnswers }): Promise<FollowUpSaved> {
  const now = deps.clock.now();
  const previousGoalId = (await deps.stores.evidence.findFollowUp(input.offerId, input.person.id))?.relatedGoalId ?? null;
  const checked = await checkedGoalAnswer(deps, input.person.id, input.answers, previousGoalId, followUpGoalChoices);
  const { answers, choices, ownGoals } = checked;
  let goalLinkFailure = checked.goalLinkFailure;
  const saved = await deps.stores.evidence.transaction(async (tx) => {
    const offer = await tx.lockOffer(input.offerId);
    if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
    const window = followUpWindowOf(offer, deps.evidence);
    const attendance = await tx.attendanceFor(offer.id);
    const existing = (await tx.followUpsFor(offer.id)).find((r) => r.person.id === input.person.id);
    const response = decideFollowUp({ offer, attendance, existing, person: input.person, answers, goalChoices: choices, now, window });
    await tx.saveFollowUp(response);
    const feedback = (await tx.feedbackFor(offer.id)).find((f) => f.person.id === input.person.id);
    return { offer, window: window!, existing: response, feedback };
  });
  if (ownGoals) {
    try {
      await placeEvidence(
        { goals: goalStoreOf(deps), clock: deps.clock },
        {
          ownerId: input.person.id,
          link: { kind: 'follow_up', ref: saved.offer.id, label: evidenceLabel(`In practice: ${saved.offer.title}`) },
          goalIds: saved.existing.relatedGoalId ? [saved.existing.relatedGoalId] : [],
          known: ownGoals,
        },
      );
    } catch (error) {
      goalLinkFailure = `goal evidence not updated: ${errorReason(error)}`;
    }
  }
  const goalChoices = await goalOptions(deps, input.person.id, saved.existing.relatedGoalId);
  return { ...saved, goalChoices, goalLinkFailure };
}

/** The follow-up form for a person, with their earlier answer when they gave one; refused like a submission. */
export async function followUpForm(deps: AppDependencies, input: { offerId: string; personId: string }): Promise<FollowUpFormView> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  const window = followUpWindowOf(offer, deps.evidence);
  const attendance = await deps.stores.evidence.attendanceFor(offer.id);
  const refusal = followUpRefusal(offer, attendance, input.personId, deps.clock.now(), window);
  if (refusal) throw refusal;
  const [existing, feedback] = await Promise.all([deps.stores.evidence.findFollowUp(offer.id, input.personId), deps.stores.evidence.findFeedback(offer.id, input.personId)]);
  const goalChoices = await goalOptions(deps, input.personId, existing?.relatedGoalId ?? null);
  return { offer, window: window!, existing, feedback, goalChoices };
}

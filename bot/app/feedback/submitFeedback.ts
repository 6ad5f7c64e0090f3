import { DomainError } from '../../domain/errors';
import { decideFeedback, feedbackClosesAt, FeedbackAnswers, feedbackRefusal, FeedbackResponse } from '../../domain/feedback';
import { Offer } from '../../domain/offer';
import { Person } from '../../domain/person';
import { AppDependencies } from '../dependencies';

export interface FeedbackFormView {
  offer: Offer;
  closesAt: Date;
  existing: FeedbackResponse | undefined;
}

/** A person gives or changes their one response; refused (nothing stored changes) when not allowed or not valid. */
export async function submitFeedback(deps: AppDependencies, input: { offerId: string; person: Person; answers: FeedbackAnswers }): Promise<FeedbackFormView> {
  const now = deps.clock.now();
  return deps.stores.evidence.transaction(async (tx) => {
    const offer = await tx.lockOffer(input.offerId);
    if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
    const attendance = await tx.attendanceFor(offer.id);
    const existing = (await tx.feedbackFor(offer.id)).find((r) => r.person.id === input.person.id);
    const response = decideFeedback({ offer, attendance, existing, person: input.person, answers: input.answers, now, timing: deps.evidence.feedback });
    await tx.saveFeedback(response);
    return { offer, closesAt: feedbackClosesAt(offer, deps.evidence.feedback), existing: response };
  });
}

/** The feedback form for a person, with their earlier answers when they gave some; refused like a submission. */
export async function feedbackForm(deps: AppDependencies, input: { offerId: string; personId: string }): Promise<FeedbackFormView> {
  const offer = await deps.stores.offers.findOffer(input.offerId);
  if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
  const attendance = await deps.stores.evidence.attendanceFor(offer.id);
  const refusal = feedbackRefusal(offer, attendance, input.personId, deps.clock.now(), deps.evidence.feedback);
  if (refusal) throw refusal;
  return { offer, closesAt: feedbackClosesAt(offer, deps.evidence.feedback), existing: await deps.stores.evidence.findFeedback(offer.id, input.personId) };
}

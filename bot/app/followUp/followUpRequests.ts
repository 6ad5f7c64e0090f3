import { followUpGoalChoices } from '../../domain/followUp';
import { Offer } from '../../domain/offer';
import { deliveryTimeBefore } from '../../domain/quietHours';
import { FollowUpRequestNotice } from '../../ports/outbox';
import { AppDependencies } from '../dependencies';
import { GoalChoice, goalOptionsOf } from '../feedback/feedbackGoals';
import { followUpRemindersKey, followUpWindowOf } from './followUpTiming';
import { noticeSchoolOf, signUpSchools } from '../groupOffers/noticeSchool';

/**
 * Weeks after a session, asks each attendee 1:1 how it changed their practice, through the outbox, and schedules the
 * one reminder. Each request has its own idempotency key, so running again asks only people not yet asked. Quiet
 * hours and weekends hold the message until morning unless the follow-up would close first.
 */
export async function sendFollowUpRequests(deps: AppDependencies, offerId: string): Promise<void> {
  await askAttendees(deps, offerId, false);
}

/** One reminder to each attendee who has not answered while the follow-up is still open. */
export async function sendFollowUpReminders(deps: AppDependencies, offerId: string): Promise<void> {
  await askAttendees(deps, offerId, true);
}

async function askAttendees(deps: AppDependencies, offerId: string, reminder: boolean): Promise<void> {
  const now = deps.clock.now();
  // Goals may live in SharePoint: read them before the transaction, for those who may need the form.
  const answeredBefore = new Set((await deps.stores.evidence.followUpsFor(offerId)).map((r) => r.person.id));
  const attendees = (await deps.stores.evidence.attendanceFor(offerId)).filter((r) => r.attended && !answeredBefore.has(r.person.id));
  const goals = new Map(await Promise.all(attendees.map(async (r) => [r.person.id, await goalOptions(deps, r.person.id)] as const)));
  const keyPrefix = reminder ? 'follow_up_reminder' : 'follow_up_request';
  let queued = false;
  await deps.stores.evidence.transaction(async (tx) => {
    const offer = await tx.lockOffer(offerId);
    if (!offer || offer.status === 'cancelled') return;
    const window = followUpWindowOf(offer, deps.evidence);
    if (!window || now.getTime() < window.opensAt.getTime() || now.getTime() >= window.closesAt.getTime()) return;
    const answered = new Set((await tx.followUpsFor(offer.id)).map((r) => r.person.id));
    const feedback = new Map((await tx.feedbackFor(offer.id)).map((f) => [f.person.id, f]));
    const signedUp = await signUpSchools(offer, (id) => tx.signUpsForOffer(id));
    const deliverAt = deliveryTimeBefore(now, window.closesAt, { ...deps.quietHours, timeZone: offer.timeZone });
    for (const record of (await tx.attendanceFor(offer.id)).filter((r) => r.attended && !answered.has(r.person.id))) {
      const given = feedback.get(record.person.id);
      await tx.enqueueNotice(
        {
          idempotencyKey: `${keyPrefix}:${offer.id}:${record.person.id}`,
          schoolId: noticeSchoolOf(offer, signedUp.get(record.person.id)),
          recipientId: record.person.id,
          notice: followUpNotice(offer, window.closesAt, reminder, goals.get(record.person.id) ?? [], given ? { before: given.before.confidence, after: given.after.confidence } : null),
          notBefore: deliverAt,
        },
        now,
      );
      queued = true;
    }
    const remindAt = new Date(deliverAt.getTime() + deps.evidence.followUp.reminderAfterMs);
    if (!reminder && queued && remindAt.getTime() < window.closesAt.getTime()) {
      await tx.scheduleJob({ key: followUpRemindersKey(offer.id), dueAt: remindAt, job: { kind: 'follow_up_reminders', offerId: offer.id } }, now);
    }
  });
  if (queued) deps.afterCommit.noticesQueued();
}

/** The person's open goals for the form; none when the goal store cannot be read ("Change my answers" reads again). */
export function goalOptions(deps: AppDependencies, personId: string, previousGoalId: string | null = null): Promise<GoalChoice[]> {
  return goalOptionsOf(deps, personId, previousGoalId, followUpGoalChoices);
}

function followUpNotice(offer: Offer, closesAt: Date, reminder: boolean, goals: GoalChoice[], feedbackConfidence: FollowUpRequestNotice['feedbackConfidence']): FollowUpRequestNotice {
  return {
    kind: 'follow_up_request',
    offerId: offer.id,
    offerTitle: offer.title,
    startsAt: offer.startsAt.toISOString(),
    endsAt: offer.endsAt.toISOString(),
    timeZone: offer.timeZone,
    closesAt: closesAt.toISOString(),
    reminder,
    goals,
    feedbackConfidence,
  };
}

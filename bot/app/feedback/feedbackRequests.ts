import { feedbackClosesAt } from '../../domain/feedback';
import { Offer } from '../../domain/offer';
import { deliveryTimeBefore } from '../../domain/quietHours';
import { Notice } from '../../ports/outbox';
import { AppDependencies } from '../dependencies';
import { feedbackRemindersKey } from '../offerNotices';
import { facilitatorShareInvite } from '../shares/shareInvites';
import { feedbackGoalOptions, GoalChoice } from './feedbackGoals';
import { noticeSchoolOf, signUpSchools } from '../groupOffers/noticeSchool';

/**
 * Asks everyone marked as attending for feedback, through the outbox, and schedules the one reminder; the staff
 * facilitator is offered the share form at the same time. Each request has its own idempotency key, so running again
 * (attendance corrected, a restart) asks only people not yet asked. Quiet hours hold requests until morning unless
 * feedback would close first.
 */
export async function sendFeedbackRequests(deps: AppDependencies, offerId: string): Promise<void> {
  const [goals, channelName] = await Promise.all([goalChoicesOfAttendees(deps, offerId), clplChannelNameOf(deps, offerId)]);
  await askAttendees(deps, offerId, { reminder: false, goals, channelName });
}

/** One reminder to each attendee who has not answered while feedback is still open. */
export async function sendFeedbackReminders(deps: AppDependencies, offerId: string): Promise<void> {
  const answeredBefore = new Set((await deps.stores.evidence.feedbackFor(offerId)).map((r) => r.person.id));
  await askAttendees(deps, offerId, { reminder: true, goals: await goalChoicesOfAttendees(deps, offerId, answeredBefore), channelName: null });
}

/** Queues the request (or the reminder) to each attendee who still needs it, in one transaction with a fresh read. */
async function askAttendees(deps: AppDependencies, offerId: string, ask: { reminder: boolean; goals: Map<string, GoalChoice[]>; channelName: string | null }): Promise<void> {
  const now = deps.clock.now();
  const keyPrefix = ask.reminder ? 'feedback_reminder' : 'feedback_request';
  let queued = false;
  let invited = false;
  await deps.stores.evidence.transaction(async (tx) => {
    const offer = await tx.lockOffer(offerId);
    if (!offer || offer.status === 'cancelled') return;
    const closesAt = feedbackClosesAt(offer, deps.evidence.feedback);
    if (now.getTime() >= closesAt.getTime()) return;
    // A reminder goes only to those who have not answered, read again inside the transaction.
    const answered = ask.reminder ? new Set((await tx.feedbackFor(offer.id)).map((r) => r.person.id)) : new Set<string>();
    const deliverAt = deliveryTime(deps, offer, now, closesAt);
    const attendance = await tx.attendanceFor(offer.id);
    const signedUp = await signUpSchools(offer, (id) => tx.signUpsForOffer(id));
    const invite = ask.channelName === null ? null : facilitatorShareInvite({ offer, attendance, channelName: ask.channelName, deliverAt });
    if (invite) {
      await tx.enqueueNotice(invite, now);
      invited = true;
    }
    for (const record of attendance.filter((r) => r.attended && !answered.has(r.person.id))) {
      await tx.enqueueNotice(
        {
          idempotencyKey: `${keyPrefix}:${offer.id}:${record.person.id}`,
          schoolId: noticeSchoolOf(offer, signedUp.get(record.person.id)),
          recipientId: record.person.id,
          notice: feedbackNotice(offer, closesAt, ask.reminder, ask.goals.get(record.person.id)),
          notBefore: deliverAt,
        },
        now,
      );
      queued = true;
    }
    const remindAt = new Date(deliverAt.getTime() + deps.evidence.feedback.reminderAfterMs);
    if (!ask.reminder && queued && remindAt.getTime() < closesAt.getTime()) {
      await tx.scheduleJob({ key: feedbackRemindersKey(offer.id), dueAt: remindAt, job: { kind: 'feedback_reminders', offerId: offer.id } }, now);
    }
  });
  if (queued || invited) deps.afterCommit.noticesQueued();
}

async function clplChannelNameOf(deps: AppDependencies, offerId: string): Promise<string> {
  const offer = await deps.stores.offers.findOffer(offerId);
  const school = offer ? await deps.stores.schools.findSchool(offer.schoolId) : undefined;
  return school?.clplChannel?.name ?? 'the CLPL channel';
}

function deliveryTime(deps: AppDependencies, offer: Offer, now: Date, closesAt: Date): Date {
  return deliveryTimeBefore(now, closesAt, { ...deps.quietHours, timeZone: offer.timeZone });
}

/**
 * Each attendee's goals for the form, read before the transaction because the goal store may be SharePoint. A person
 * whose goals cannot be read gets the form without them; "Change my answers" reads them again.
 */
async function goalChoicesOfAttendees(deps: AppDependencies, offerId: string, skip: ReadonlySet<string> = new Set()): Promise<Map<string, GoalChoice[]>> {
  const attendees = (await deps.stores.evidence.attendanceFor(offerId)).filter((r) => r.attended && !skip.has(r.person.id)).map((r) => r.person.id);
  return new Map(await Promise.all(attendees.map(async (id) => [id, await feedbackGoalOptions(deps, id, null)] as const)));
}

function feedbackNotice(offer: Offer, closesAt: Date, reminder: boolean, goals: GoalChoice[] = []): Notice {
  return {
    kind: 'feedback_request',
    offerId: offer.id,
    offerTitle: offer.title,
    startsAt: offer.startsAt.toISOString(),
    endsAt: offer.endsAt.toISOString(),
    timeZone: offer.timeZone,
    closesAt: closesAt.toISOString(),
    reminder,
    goals,
  };
}

import { deliveryTimeBefore } from '../../domain/quietHours';
import { confirmedOf } from '../../domain/signUp';
import { AppDependencies } from '../dependencies';
import { noticeSchoolOf } from '../groupOffers/noticeSchool';

/**
 * Reminds everyone confirmed for a session, a configured time before it starts. Written to the outbox in one
 * transaction (each with its own idempotency key), so a crash or a second instance cannot send a reminder twice;
 * quiet hours hold a reminder until morning unless that would be after the session has started.
 */
export async function sendSessionReminders(deps: AppDependencies, offerId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.stores.offers.transaction(async (tx) => {
    const offer = await tx.lockOffer(offerId);
    if (!offer || offer.status === 'cancelled' || offer.startsAt.getTime() <= now.getTime()) return;
    const deliverAt = deliveryTimeBefore(now, offer.startsAt, { ...deps.quietHours, timeZone: offer.timeZone });
    for (const attendee of confirmedOf(await tx.signUpsForOffer(offer.id))) {
      await tx.enqueueNotice(
        {
          idempotencyKey: `session_reminder:${offer.id}:${attendee.person.id}:${offer.startsAt.toISOString()}`,
          schoolId: noticeSchoolOf(offer, attendee),
          recipientId: attendee.person.id,
          notice: { kind: 'session_reminder', offerId: offer.id, offerTitle: offer.title, startsAt: offer.startsAt.toISOString(), timeZone: offer.timeZone, location: offer.location, onlineLink: offer.onlineLink },
          notBefore: deliverAt,
        },
        now,
      );
    }
  });
  deps.afterCommit.noticesQueued();
}

import { AttendanceRecord } from '../../domain/attendance';
import { Offer } from '../../domain/offer';
import { NewNotice } from '../../ports/outbox';

/**
 * The share form for a session's staff facilitator, sent with the attendees' feedback requests (same time, same quiet
 * hours). Attendees share from their feedback card; a facilitator gets none, so this is their way in. One per offer
 * and facilitator (the key), and none for a facilitator also marked as attending: their feedback card offers it.
 */
export function facilitatorShareInvite(input: {
  offer: Offer;
  attendance: readonly AttendanceRecord[];
  channelName: string;
  deliverAt: Date;
}): NewNotice | null {
  const { offer } = input;
  if (offer.facilitator.kind !== 'staff') return null;
  const facilitatorId = offer.facilitator.userId;
  if (input.attendance.some((r) => r.person.id === facilitatorId && r.attended)) return null;
  return {
    idempotencyKey: `share_invite:${offer.id}:${facilitatorId}`,
    schoolId: offer.schoolId,
    recipientId: facilitatorId,
    notice: {
      kind: 'share_invite',
      offerId: offer.id,
      offerTitle: offer.title,
      startsAt: offer.startsAt.toISOString(),
      endsAt: offer.endsAt.toISOString(),
      timeZone: offer.timeZone,
      channelName: input.channelName,
    },
    notBefore: input.deliverAt,
  };
}

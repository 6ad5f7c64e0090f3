import { approversFor, holdExpiresAt } from '../../domain/approval';
import { Offer } from '../../domain/offer';
import { SignUp } from '../../domain/signUp';
import { NewJob } from '../../ports/jobs';
import { OfferTransaction } from '../../ports/offerStore';
import { AppDependencies } from '../dependencies';

/** The school a held place answers to: the one the sign-up came from, else the offer's. */
export function approvingSchoolOf(offer: Pick<Offer, 'schoolId'>, signUp: Pick<SignUp, 'schoolId'>): string {
  return signUp.schoolId ?? offer.schoolId;
}

/** Who is asked to answer for this held place (see domain/approval.ts), read inside the transaction. */
export async function approverIdsFor(deps: AppDependencies, tx: OfferTransaction, offer: Offer, signUp: SignUp): Promise<string[]> {
  const schoolId = approvingSchoolOf(offer, signUp);
  const lineManagerId = deps.approval.route === 'line_manager' ? await tx.lineManagerOf(schoolId, signUp.person.id) : null;
  return approversFor({ route: deps.approval.route, sltIds: deps.leadership.sltIdsOf(schoolId), lineManagerId, personId: signUp.person.id });
}

/** One hold: a person's place from the moment it was held (its queue number and time), as notice keys name it. */
function holdKey(signUp: SignUp): string {
  return `${signUp.offerId}:${signUp.person.id}:${signUp.queueNumber}:${signUp.updatedAt.getTime()}`;
}

export function approvalExpiryJob(signUp: SignUp, holdMs: number): NewJob {
  return {
    // One per person and offer: a newer hold moves it.
    key: `approval_expiry:${signUp.offerId}:${signUp.person.id}`,
    dueAt: holdExpiresAt(signUp.updatedAt, holdMs),
    job: { kind: 'approval_expiry', offerId: signUp.offerId, personId: signUp.person.id, queueNumber: signUp.queueNumber },
  };
}

/**
 * In the transaction that held seats for approval: each person is told their seat is held, each approver gets the
 * Approve / Decline card, and the hold's expiry is scheduled. Sent at once, whatever the hour: the hold is running.
 * Keys name the hold, so asking again for the same hold (a retried job) queues nothing twice. Returns how many notices.
 */
export async function requestApprovals(deps: AppDependencies, tx: OfferTransaction, offer: Offer, held: readonly SignUp[], now: Date): Promise<number> {
  let queued = 0;
  for (const signUp of held) {
    if (signUp.status !== 'awaiting_approval') continue;
    const schoolId = approvingSchoolOf(offer, signUp);
    const expiresAt = holdExpiresAt(signUp.updatedAt, deps.approval.holdMs).toISOString();
    const about = { offerId: offer.id, offerTitle: offer.title, startsAt: offer.startsAt.toISOString(), timeZone: offer.timeZone };
    await tx.enqueueNotice({ idempotencyKey: `approval_held:${holdKey(signUp)}`, schoolId, recipientId: signUp.person.id, notice: { kind: 'approval_held', ...about, expiresAt } }, now);
    queued += 1;
    for (const approverId of await approverIdsFor(deps, tx, offer, signUp)) {
      await tx.enqueueNotice(
        {
          idempotencyKey: `approval_request:${holdKey(signUp)}:${approverId}`,
          schoolId,
          recipientId: approverId,
          notice: {
            kind: 'approval_request',
            ...about,
            personId: signUp.person.id,
            personName: signUp.person.name,
            queueNumber: signUp.queueNumber,
            endsAt: offer.endsAt.toISOString(),
            location: offer.location,
            onlineLink: offer.onlineLink,
            expiresAt,
          },
        },
        now,
      );
      queued += 1;
    }
    await tx.scheduleJob(approvalExpiryJob(signUp, deps.approval.holdMs), now);
  }
  return queued;
}

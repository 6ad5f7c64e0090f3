import { decideHoldExpiry } from '../../domain/approval';
import { Job } from '../../ports/jobs';
import { AppDependencies } from '../dependencies';
import { tellPromoted } from '../promotionNotices';
import { approverIdsFor, approvingSchoolOf, requestApprovals } from './requestApprovals';

/**
 * A held place's time has run out with no answer: in one transaction on a fresh, locked read the seat is freed, the
 * waitlist moves up in queue order, and the person and their approvers are told. A hold already answered, withdrawn or
 * replaced by a newer one (another queue number) is left alone, so the job may run twice.
 */
export async function expireApprovalHold(deps: AppDependencies, job: Extract<Job, { kind: 'approval_expiry' }>): Promise<void> {
  const released = await deps.stores.offers.transaction(async (tx) => {
    const offer = await tx.lockOffer(job.offerId);
    if (!offer) return false;
    const now = deps.clock.now();
    const decision = decideHoldExpiry(offer, await tx.signUpsForOffer(offer.id), { personId: job.personId, queueNumber: job.queueNumber, now, holdMs: deps.approval.holdMs });
    if (!decision) return false;
    await tx.saveSignUps(decision.changes);
    await tx.raiseRevision(offer.id);
    const held = decision.decided;
    const schoolId = approvingSchoolOf(offer, held);
    const about = { offerId: offer.id, offerTitle: offer.title, startsAt: offer.startsAt.toISOString(), timeZone: offer.timeZone, personName: held.person.name };
    const hold = `${offer.id}:${held.person.id}:${held.queueNumber}`;
    const told = [{ id: held.person.id, toApprover: false }, ...(await approverIdsFor(deps, tx, offer, held)).map((id) => ({ id, toApprover: true }))];
    for (const { id, toApprover } of told) {
      await tx.enqueueNotice({ idempotencyKey: `approval_lapsed:${hold}:${id}`, schoolId, recipientId: id, notice: { kind: 'approval_lapsed', ...about, toApprover } }, now);
    }
    await tellPromoted(deps, tx, offer, decision.promoted, now);
    return true;
  });
  if (released) {
    deps.afterCommit.offerChanged(job.offerId);
    deps.afterCommit.noticesQueued();
  }
}

/**
 * Asks approvers about every seat of the offer held for approval (for holds made where approvers could not be asked
 * in the same transaction, such as an erasure's promotions). Keys name each hold, so those already asked are not asked
 * again.
 */
export async function requestPendingApprovals(deps: AppDependencies, offerId: string): Promise<void> {
  const queued = await deps.stores.offers.transaction(async (tx) => {
    const offer = await tx.lockOffer(offerId);
    if (!offer || offer.status === 'cancelled') return 0;
    return requestApprovals(deps, tx, offer, await tx.signUpsForOffer(offer.id), deps.clock.now());
  });
  if (queued > 0) deps.afterCommit.noticesQueued();
}

import { sessionMinutes } from '../domain/attendance';
import { DomainError } from '../domain/errors';
import { Offer, OfferDraft } from '../domain/offer';
import { decideOfferEdit, OfferChange, worthTelling } from '../domain/offerChanges';
import { Person } from '../domain/person';
import { EvidenceTransaction } from '../ports/evidenceStore';
import { AppDependencies } from './dependencies';
import { requestApprovals } from './approval/requestApprovals';
import { feedbackRequestsJob, noticeDeliveryTime, sessionRemindersJob } from './offerNotices';
import { assertMayChangeOffer } from './groupOffers/mayChange';
import { quotaReleaseJob } from './groupOffers/quotaRelease';
import { noticeSchoolOf } from './groupOffers/noticeSchool';

export type EditOutcome =
  | { kind: 'unchanged'; offer: Offer }
  /** Nothing saved yet: these people would move back to the waitlist, and the author must agree first. */
  | { kind: 'needs_confirmation'; offer: Offer; draft: OfferDraft; demoted: Person[] }
  | { kind: 'saved'; offer: Offer; changes: OfferChange[]; told: number; demoted: number; promoted: number };

/**
 * An SLT member of the offer's school saves new details. In one transaction on a fresh, locked read: the offer is
 * updated, any sign-ups moved, everyone affected gets a notice through the outbox (after quiet hours), the reminder
 * job moves with the start time, the feedback request with the end time, and the revision rises so the channel card
 * is redrawn in place.
 */
export async function editOffer(
  deps: AppDependencies,
  input: { offerId: string; person: Person; draft: OfferDraft; acceptedDemotions: number },
): Promise<EditOutcome> {
  await assertMayChangeOffer(deps, input.offerId, input.person.id, 'edit');
  const outcome = await deps.stores.evidence.transaction(async (tx): Promise<EditOutcome> => {
    const offer = await tx.lockOffer(input.offerId);
    if (!offer) throw new DomainError('offer_not_found', 'That session no longer exists.');
    if (offer.groupId === undefined && !deps.leadership.isSlt(offer.schoolId, input.person.id)) throw new DomainError('not_slt', 'Only senior leaders can edit CLPL offers.');
    const now = deps.clock.now();
    const signUps = await tx.signUpsForOffer(offer.id);
    const decision = decideOfferEdit(offer, signUps, { ...input.draft, timeZone: offer.timeZone }, { now, catalogue: deps.tagCatalogue, acceptedDemotions: input.acceptedDemotions });
    if (decision.kind === 'unchanged') return { kind: 'unchanged', offer };
    if (decision.kind === 'needs_confirmation') return { kind: 'needs_confirmation', offer, draft: input.draft, demoted: decision.demoted.map((s) => s.person) };

    const edited = decision.offer;
    await tx.updateOffer(edited);
    await tx.saveSignUps(decision.signUpChanges);
    await tx.raiseRevision(offer.id);
    if (edited.startsAt.getTime() !== offer.startsAt.getTime()) await tx.scheduleJob(sessionRemindersJob(edited, now, deps.reminderLeadMs), now);
    if (edited.endsAt.getTime() !== offer.endsAt.getTime()) await tx.scheduleJob(feedbackRequestsJob(edited, now, deps.evidence.feedback.requestDelayMs), now);
    const release = quotaReleaseJob(edited, now);
    if (release && edited.quotaReleasesAt?.getTime() !== offer.quotaReleasesAt?.getTime()) await tx.scheduleJob(release, now);
    await keepAttendedHoursInStep(tx, edited);

    const earliestStart = new Date(Math.min(offer.startsAt.getTime(), edited.startsAt.getTime()));
    const notBefore = noticeDeliveryTime(now, earliestStart, { ...deps.quietHours, timeZone: offer.timeZone }, false);
    const about = { offerId: offer.id, offerTitle: edited.title, startsAt: edited.startsAt.toISOString(), timeZone: offer.timeZone };
    // The revision being replaced names this edit, so a later edit's notices are new ones.
    const edit = `${offer.id}:r${offer.revision}`;
    const told = worthTelling(decision.changes);
    for (const attendee of decision.toTell) {
      await tx.enqueueNotice({ idempotencyKey: `offer_changed:${edit}:${attendee.person.id}`, schoolId: noticeSchoolOf(offer, attendee), recipientId: attendee.person.id, notice: { kind: 'offer_changed', ...about, changes: told }, notBefore }, now);
    }
    for (const moved of decision.demoted) {
      await tx.enqueueNotice({ idempotencyKey: `moved_to_waitlist:${edit}:${moved.person.id}`, schoolId: noticeSchoolOf(offer, moved), recipientId: moved.person.id, notice: { kind: 'moved_to_waitlist', ...about }, notBefore }, now);
    }
    // On an offer that needs approval, those moved up hold a seat and their school is asked (at once: the hold runs).
    await requestApprovals(deps, tx, edited, decision.promoted, now);
    for (const promoted of decision.promoted.filter((s) => s.status === 'confirmed')) {
      await tx.enqueueNotice({ idempotencyKey: `waitlist_promotion:${edit}:${promoted.person.id}`, schoolId: noticeSchoolOf(offer, promoted), recipientId: promoted.person.id, notice: { kind: 'waitlist_promotion', ...about }, notBefore }, now);
    }
    return { kind: 'saved', offer: { ...edited, revision: offer.revision + 1 }, changes: decision.changes, told: decision.toTell.length, demoted: decision.demoted.length, promoted: decision.promoted.length };
  });
  if (outcome.kind === 'saved') {
    deps.afterCommit.offerChanged(outcome.offer.id);
    if (outcome.told + outcome.demoted + outcome.promoted > 0) deps.afterCommit.noticesQueued();
  }
  return outcome;
}

/**
 * Attendance keeps the session's length as marked (so hours are a record, and reports need no offer arithmetic), which
 * an edit must then carry along. Edits are refused once a session starts and attendance is marked only after, so this
 * is for instances whose clocks disagree at that boundary: hours always follow the offer's length as last saved.
 */
async function keepAttendedHoursInStep(tx: EvidenceTransaction, edited: Offer): Promise<void> {
  const minutes = sessionMinutes(edited);
  const stale = (await tx.attendanceFor(edited.id)).filter((r) => r.minutes !== minutes);
  if (stale.length > 0) await tx.saveAttendance(stale.map((r) => ({ ...r, minutes })));
}

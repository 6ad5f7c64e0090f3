import { answerApproval } from '../../../bot/app/approval/answerApproval';
import { expireApprovalHold, requestPendingApprovals } from '../../../bot/app/approval/holdExpiry';
import { eraseEverywhere } from '../../../bot/app/privacy/erasePerson';
import { signUp } from '../../../bot/app/signUp';
import { withdraw } from '../../../bot/app/withdraw';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, FakeClock, leadershipOf } from '../../factories/dependencies';
import { buildDraft, buildPerson, shift, sltMember } from '../../factories/offers';
import type { StoreFixture } from './storeContract';

const holdMs = 72 * 3_600_000;

/** Places held for a school's approval: the hold is a seat in the locked read, answered or released in one transaction. */
export function describeApprovalContract(db: StoreFixture): void {
  describe('school approval', () => {
    const statuses = async (stores: Stores, offerId: string) => (await stores.offers.signUpsForOffer(offerId)).map((s) => [s.person.id, s.status]);
    const queued = (kind: string) => db.inspect<{ recipient_id: string }>(`select recipient_id from outbox where idempotency_key like '${kind}:%' order by id`);

    it('keeps whether an offer needs approval; a hold is read back as a seat taken (pool and school) in the seat picture', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 3, needsApproval: true });
      expect(await stores.offers.findOffer(offer.id)).toEqual(offer);
      expect((await stores.offers.findOffer((await db.insertOffer(stores)).id))?.needsApproval).toBeUndefined();
      await signUp(buildDependencies(stores), { offerId: offer.id, person: buildPerson(1), schoolId: 'school-b' });
      const picture = await stores.offers.transaction((tx) => tx.seatPicture(offer.id, 'person-1', 'school-b'));
      expect(picture).toMatchObject({ confirmed: 0, awaiting: 1, schoolHeld: 1, own: { status: 'awaiting_approval' } });
    });

    it('a proposed offer keeps needing approval through its stored draft', async () => {
      const stores = await db.withSchool();
      const proposal = { id: 'proposal-approval', schoolId: 'school-1', proposer: buildPerson(7), draft: { ...buildDraft(), needsApproval: true }, status: 'pending' as const, createdAt: new Date(), decision: null };
      await stores.proposals.propose(proposal, [], new Date());
      expect((await stores.proposals.findProposal(proposal.id))?.draft.needsApproval).toBe(true);
    });

    it('two people racing for the last seat: one is held, the other waits (the hold is counted under the lock)', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 1, needsApproval: true });
      const deps = buildDependencies(stores);
      await Promise.all([1, 2, 3, 4].map((n) => signUp(deps, { offerId: offer.id, person: buildPerson(n), schoolId: 'school-1' })));
      const rows = await stores.offers.signUpsForOffer(offer.id);
      expect(rows.filter((s) => s.status === 'awaiting_approval')).toHaveLength(1);
      expect(rows.filter((s) => s.status === 'waitlisted')).toHaveLength(3);
    });

    it('a sign-up tells the person, asks the school’s SLT, and schedules the hold’s end; the line-manager route asks the manager', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 2, needsApproval: true });
      await signUp(buildDependencies(stores, { leadership: leadershipOf(sltMember.id, 'slt-2') }), { offerId: offer.id, person: buildPerson(1), schoolId: 'school-1' });
      expect((await queued('approval_held')).map((n) => n.recipient_id)).toEqual(['person-1']);
      expect((await queued('approval_request')).map((n) => n.recipient_id).sort()).toEqual(['slt-1', 'slt-2']);
      const jobs = await stores.jobs.claimDue(shift(new Date(), { ms: holdMs + 60_000 }), 10, 60_000);
      expect(jobs.map((j) => j.job)).toContainEqual({ kind: 'approval_expiry', offerId: offer.id, personId: 'person-1', queueNumber: 1 });

      await stores.reflections.setLineManager('school-1', 'person-2', 'manager-2');
      await signUp(buildDependencies(stores, { approval: { holdMs, route: 'line_manager' } }), { offerId: offer.id, person: buildPerson(2), schoolId: 'school-1' });
      expect((await queued('approval_request')).map((n) => n.recipient_id)).toContain('manager-2');
      expect((await queued('approval_request')).map((n) => n.recipient_id)).toHaveLength(3);
    });

    it('approve confirms; decline frees the seat for the waitlist in queue order, whose first is held and their school asked', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 2, needsApproval: true });
      const deps = buildDependencies(stores);
      for (const n of [1, 2, 3, 4]) await signUp(deps, { offerId: offer.id, person: buildPerson(n), schoolId: 'school-1' });

      await answerApproval(deps, { offerId: offer.id, personId: 'person-1', queueNumber: 1, decider: sltMember, outcome: 'approved' });
      await answerApproval(deps, { offerId: offer.id, personId: 'person-2', queueNumber: 2, decider: sltMember, outcome: 'declined' });
      expect(await statuses(stores, offer.id)).toEqual([
        ['person-1', 'confirmed'],
        ['person-2', 'withdrawn'],
        ['person-3', 'awaiting_approval'],
        ['person-4', 'waitlisted'],
      ]);
      expect((await queued('approval_answered')).map((n) => n.recipient_id)).toEqual(['person-1', 'person-2']);
      expect((await queued('approval_request')).map((n) => n.recipient_id)).toEqual(['slt-1', 'slt-1', 'slt-1']);
      // A second press (or another approver's) changes nothing.
      await expect(answerApproval(deps, { offerId: offer.id, personId: 'person-1', decider: sltMember, outcome: 'declined' })).rejects.toMatchObject({ code: 'approval_not_pending' });
    });

    it('someone who is not SLT of the person’s school is refused and nothing changes', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 2, needsApproval: true });
      // SLT of school-1 only; the sign-up came from school-2.
      const deps = buildDependencies(stores, { leadership: { isSlt: (school, id) => school === 'school-1' && id === sltMember.id, sltIdsOf: (school) => (school === 'school-1' ? [sltMember.id] : ['slt-other']) } });
      await signUp(deps, { offerId: offer.id, person: buildPerson(1), schoolId: 'school-2' });
      await expect(answerApproval(deps, { offerId: offer.id, personId: 'person-1', decider: sltMember, outcome: 'approved' })).rejects.toMatchObject({ code: 'not_your_school_approval' });
      expect(await statuses(stores, offer.id)).toEqual([['person-1', 'awaiting_approval']]);
    });

    it('the expiry job releases an unanswered hold once its time has come, promotes the waitlist, tells both; again, nothing', async () => {
      const stores = await db.withSchool();
      const start = new Date();
      const clock = new FakeClock(start);
      const offer = await db.insertOffer(stores, { capacity: 1, needsApproval: true });
      const deps = buildDependencies(stores, { clock });
      for (const n of [1, 2]) await signUp(deps, { offerId: offer.id, person: buildPerson(n), schoolId: 'school-1' });
      const job = { kind: 'approval_expiry' as const, offerId: offer.id, personId: 'person-1', queueNumber: 1 };

      clock.set(shift(start, { ms: holdMs - 1 }));
      await expireApprovalHold(deps, job);
      expect(await statuses(stores, offer.id)).toEqual([['person-1', 'awaiting_approval'], ['person-2', 'waitlisted']]);

      clock.set(shift(start, { ms: holdMs }));
      await expireApprovalHold(deps, job);
      await expireApprovalHold(deps, job);
      expect(await statuses(stores, offer.id)).toEqual([['person-1', 'withdrawn'], ['person-2', 'awaiting_approval']]);
      expect((await queued('approval_lapsed')).map((n) => n.recipient_id)).toEqual(['person-1', 'slt-1']);
      expect((await queued('approval_request')).map((n) => n.recipient_id)).toEqual(['slt-1', 'slt-1']);
    });

    it('an erasure that frees a held seat holds it for the next person, and a job asks their school', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 1, needsApproval: true });
      const deps = buildDependencies(stores);
      for (const n of [1, 2]) await signUp(deps, { offerId: offer.id, person: buildPerson(n), schoolId: 'school-1' });
      await eraseEverywhere(deps, { schoolId: 'school-1', personId: 'person-1', erasedById: sltMember.id, reason: 'request' });
      expect((await stores.offers.signUpsForOffer(offer.id)).map((s) => [s.person.id, s.status])).toEqual([['person-2', 'awaiting_approval']]);
      expect(await queued('approval_request')).toHaveLength(0);
      const [job] = await stores.jobs.claimDue(new Date(Date.now() + 1_000), 10, 60_000);
      expect(job?.job).toEqual({ kind: 'approval_requests', offerId: offer.id });
      await requestPendingApprovals(deps, offer.id);
      expect((await queued('approval_request')).map((n) => n.recipient_id)).toEqual(['slt-1']);
    });

    it('withdrawing while awaiting frees the seat; asking again for held seats queues nothing twice', async () => {
      const stores = await db.withSchool();
      const offer = await db.insertOffer(stores, { capacity: 1, needsApproval: true });
      const deps = buildDependencies(stores);
      for (const n of [1, 2]) await signUp(deps, { offerId: offer.id, person: buildPerson(n), schoolId: 'school-1' });
      await withdraw(deps, { offerId: offer.id, personId: 'person-1' });
      expect(await statuses(stores, offer.id)).toEqual([['person-1', 'withdrawn'], ['person-2', 'awaiting_approval']]);
      const before = (await queued('approval_request')).length;
      await requestPendingApprovals(deps, offer.id);
      expect(await queued('approval_request')).toHaveLength(before);
    });
  });
}

import { OfferProposal } from '../../../bot/domain/proposal';
import { NewNotice } from '../../../bot/ports/outbox';
import { buildDraft, buildOffer, buildPerson, schoolId, shift, sltMember, testNow } from '../../factories';
import type { StoreFixture } from './storeContract';

const proposer = buildPerson({ name: 'Alex Teacher' });

function buildProposal(overrides: Partial<OfferProposal> = {}): OfferProposal {
  return { id: `proposal-${Math.random().toString(36).slice(2)}`, schoolId, proposer, draft: buildDraft(), status: 'pending', createdAt: testNow, decision: null, ...overrides };
}

const approvalRequest = (proposalId: string, recipientId: string): NewNotice => ({
  idempotencyKey: `proposal:${proposalId}:${recipientId}`,
  schoolId,
  recipientId,
  notice: { kind: 'proposal_decided', proposalId, offerTitle: 'T', outcome: 'approved', deciderName: 'D', reason: null, channelName: null },
});

/** Proposed offers (ports/proposalStore.ts) and who cannot be reached (ports/reachability.ts), for every database. */
export function describeProposalContract(db: StoreFixture): void {
  describe('offer proposals', () => {
    it('keeps a proposal with its draft intact and queues its notices in the same transaction', async () => {
      const stores = await db.withSchool();
      const proposal = buildProposal();
      await stores.proposals.propose(proposal, [approvalRequest(proposal.id, 'slt-1'), approvalRequest(proposal.id, 'slt-2')], testNow);
      expect(await stores.proposals.findProposal(proposal.id)).toEqual(proposal);
      expect(await stores.proposals.pendingProposalsOf(schoolId)).toEqual([proposal]);
      const queued = await db.inspect<{ recipient_id: string }>('select recipient_id from outbox order by recipient_id');
      expect(queued.map((q) => q.recipient_id)).toEqual(['slt-1', 'slt-2']);
    });

    it('records a decision with the offer it became, and no longer lists it as pending', async () => {
      const stores = await db.withSchool();
      const proposal = buildProposal();
      await stores.proposals.propose(proposal, [], testNow);
      const offer = buildOffer({ createdBy: proposer });
      const decision = { outcome: 'approved' as const, by: sltMember, at: shift(testNow, { minutes: 5 }), reason: 'Good', offerId: offer.id };
      await stores.proposals.transaction(async (tx) => {
        expect((await tx.lockProposal(proposal.id))?.status).toBe('pending');
        await tx.insertOffer(offer);
        await tx.saveDecision(proposal.id, decision);
      });
      expect(await stores.proposals.findProposal(proposal.id)).toEqual({ ...proposal, status: 'approved', decision });
      expect(await stores.proposals.pendingProposalsOf(schoolId)).toEqual([]);
      expect((await stores.offers.findOffer(offer.id))?.createdBy).toEqual(proposer);
    });

    it('keeps nothing of a decision whose transaction failed', async () => {
      const stores = await db.withSchool();
      const proposal = buildProposal();
      await stores.proposals.propose(proposal, [], testNow);
      await expect(
        stores.proposals.transaction(async (tx) => {
          await tx.saveDecision(proposal.id, { outcome: 'declined', by: sltMember, at: testNow, reason: null, offerId: null });
          throw new Error('posting failed');
        }),
      ).rejects.toThrow('posting failed');
      expect((await stores.proposals.findProposal(proposal.id))?.status).toBe('pending');
    });

    it('finds no proposal that was never made', async () => {
      const stores = await db.withSchool();
      expect(await stores.proposals.findProposal('proposal-missing')).toBeUndefined();
    });
  });

  describe('reachability', () => {
    it('lists who cannot be reached in a school, with their name and the latest reason', async () => {
      const stores = await db.withSchool();
      await stores.schools.recordMember(schoolId, { id: 'person-7', name: 'Zoe Far' });
      await stores.reachability.recordUnreachable({ personId: 'person-7', schoolId, reason: 'first' }, testNow);
      await stores.reachability.recordUnreachable({ personId: 'person-7', schoolId, reason: 'Graph refused (403)' }, shift(testNow, { minutes: 1 }));
      await stores.reachability.recordUnreachable({ personId: 'person-8', schoolId, reason: 'no address' }, testNow);
      await stores.reachability.recordUnreachable({ personId: 'person-9', schoolId: 'other-school', reason: 'no address' }, testNow);
      const listed = await stores.reachability.unreachableIn(schoolId);
      expect(listed.map((p) => [p.personId, p.name, p.reason]).sort()).toEqual([
        ['person-7', 'Zoe Far', 'Graph refused (403)'],
        ['person-8', null, 'no address'],
      ]);
    });

    it('installs once per person until a message reaches them', async () => {
      const stores = await db.withSchool();
      expect(await stores.reachability.installRequestedAt('person-7')).toBeNull();
      expect(await stores.reachability.recordInstallRequested({ personId: 'person-7', schoolId }, testNow)).toBe(true);
      expect(await stores.reachability.recordInstallRequested({ personId: 'person-7', schoolId }, testNow)).toBe(false);
      expect(await stores.reachability.installRequestedAt('person-7')).toEqual(testNow);
      expect(await stores.reachability.unreachableIn(schoolId)).toEqual([]);
      await stores.reachability.recordReached('person-7');
      expect(await stores.reachability.installRequestedAt('person-7')).toBeNull();
    });
  });
}

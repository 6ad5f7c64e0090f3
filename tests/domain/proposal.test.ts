import { normaliseReason, OfferProposal, proposalDecisionRefusal } from '../../bot/domain/proposal';
import { buildDraft, buildPerson, schoolId, sltMember, testNow } from '../factories';

const pending: OfferProposal = { id: 'p-1', schoolId, proposer: buildPerson(), draft: buildDraft(), status: 'pending', createdAt: testNow, decision: null };

describe('deciding a proposed offer', () => {
  it('is for SLT only', () => {
    expect(proposalDecisionRefusal(pending, { deciderIsSlt: false })?.code).toBe('not_slt');
    expect(proposalDecisionRefusal(pending, { deciderIsSlt: true })).toBeNull();
  });

  it('happens once, and a second decision says who decided', () => {
    const declined: OfferProposal = { ...pending, status: 'declined', decision: { outcome: 'declined', by: sltMember, at: testNow, reason: null, offerId: null } };
    const refusal = proposalDecisionRefusal(declined, { deciderIsSlt: true });
    expect(refusal?.code).toBe('proposal_already_decided');
    expect(refusal?.message).toContain('declined by Morag Head');
  });

  it('keeps a reason trimmed and bounded, and an empty one as none', () => {
    expect(normaliseReason('   ')).toBeNull();
    expect(normaliseReason(undefined)).toBeNull();
    expect(normaliseReason('  Good idea ')).toBe('Good idea');
    expect(normaliseReason('x'.repeat(2000))).toHaveLength(500);
  });
});

import { proposalCardData, renderProposalCard } from '../../../bot/adapters/teams/cards/proposalCard';
import { decisionResultCard, proposalNoticeCard } from '../../../bot/adapters/teams/cards/proposalNoticeCard';
import { proposalDecisionData } from '../../../bot/adapters/teams/verbs/proposalSchema';
import { maxDecisionReasonLength } from '../../../bot/domain/proposal';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';

const request = {
  kind: 'offer_proposal' as const,
  proposalId: 'proposal-1',
  proposerName: 'Alex Teacher',
  offerTitle: 'Retrieval practice',
  description: '',
  facilitatorName: 'Alex Teacher',
  startsAt: '2026-12-03T15:45:00.000Z',
  endsAt: '2026-12-03T16:45:00.000Z',
  timeZone: 'Europe/London',
  location: null,
  onlineLink: 'https://teams.example/meet',
  capacity: 12,
};

describe('proposal cards', () => {
  it('asks SLT with Approve and Decline, each with a Submit fallback, and a bounded reason', () => {
    const card = renderProposalCard(proposalCardData(request)) as any;
    expectValidAdaptiveCard(card);
    expect(card.actions.map((a: any) => [a.verb, a.fallback.type, a.fallback.data.verb])).toEqual([
      ['proposal.approve.v1', 'Action.Submit', 'proposal.approve.v1'],
      ['proposal.decline.v1', 'Action.Submit', 'proposal.decline.v1'],
    ]);
    expect(card.body.find((b: any) => b.id === 'reason').maxLength).toBe(maxDecisionReasonLength);
  });

  it.each([
    { outcome: 'approved' as const, reason: null, channelName: 'BAL-Staff CLPL' },
    { outcome: 'declined' as const, reason: 'Clashes with parents evening', channelName: null },
  ])('tells the proposer the outcome ($outcome)', (decided) => {
    const card = proposalNoticeCard({ kind: 'proposal_decided', proposalId: 'p', offerTitle: 'Retrieval practice', deciderName: 'Morag', ...decided });
    expectValidAdaptiveCard(card);
    expect(JSON.stringify(card)).toContain(decided.outcome === 'approved' ? 'approved' : 'not approved');
  });

  it('shows SLT a valid result card once decided', () => {
    expectValidAdaptiveCard(decisionResultCard({ outcome: 'approved', title: 'T', proposerName: 'Alex', channelName: null }));
    expectValidAdaptiveCard(decisionResultCard({ outcome: 'declined', title: 'T', proposerName: 'Alex', channelName: null }));
  });

  it('refuses a decision without a proposal id', () => {
    expect(proposalDecisionData.safeParse({ proposalId: '  ' }).success).toBe(false);
  });
});

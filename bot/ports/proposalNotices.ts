/** Notices about offers proposed by staff: the approval request to each senior leader, and the outcome to the proposer. */
export type ProposalNotice =
  | {
      kind: 'offer_proposal';
      proposalId: string;
      proposerName: string;
      offerTitle: string;
      description: string;
      facilitatorName: string;
      startsAt: string;
      endsAt: string;
      timeZone: string;
      location: string | null;
      onlineLink: string | null;
      capacity: number;
    }
  | {
      kind: 'proposal_decided';
      proposalId: string;
      offerTitle: string;
      outcome: 'approved' | 'declined';
      deciderName: string;
      reason: string | null;
      /** Where the approved offer was posted. */
      channelName: string | null;
    };

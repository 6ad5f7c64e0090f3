/**
 * Notices about places held for a school's approval (offers that need it: sessions in the school day). Instants are
 * ISO strings, as notices are stored as JSON.
 */
export type ApprovalNotice =
  /** To each approver (the person's SLT, or their line manager): Approve / Decline. */
  | {
      kind: 'approval_request';
      offerId: string;
      personId: string;
      personName: string;
      /** Names the hold: a later hold of the same person is a new request, and an old card cannot answer it. */
      queueNumber: number;
      offerTitle: string;
      startsAt: string;
      endsAt: string;
      timeZone: string;
      location: string | null;
      onlineLink: string | null;
      /** When the hold runs out unanswered. */
      expiresAt: string;
    }
  /** To the person: a seat is held while their school decides. */
  | { kind: 'approval_held'; offerId: string; offerTitle: string; startsAt: string; timeZone: string; expiresAt: string }
  /** To the person: their school answered. */
  | { kind: 'approval_answered'; offerId: string; offerTitle: string; startsAt: string; timeZone: string; outcome: 'approved' | 'declined'; deciderName: string }
  /** The hold ran out unanswered: to the person (`approver` false) and to each approver. */
  | { kind: 'approval_lapsed'; offerId: string; offerTitle: string; startsAt: string; timeZone: string; personName: string; toApprover: boolean };

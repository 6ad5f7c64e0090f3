import { GroupOfferPostedNotice } from './groupOfferNotices';
import { ApprovalNotice } from './approvalNotices';
import { OfferChangeNotice } from './offerChangeNotices';
import { ObservationNotice } from './observationNotices';
import { ProposalNotice } from './proposalNotices';
import { ProgrammeNotice } from './programmeImports';
import { ReflectionPromptNotice } from './reflectionNotices';

/** A message the bot sends on its own initiative, written in the same transaction as the change that causes it. */
export type Notice =
  | OfferChangeNotice
  | { kind: 'waitlist_promotion'; offerId: string; offerTitle: string; startsAt: string; timeZone: string }
  | {
      kind: 'session_reminder';
      offerId: string;
      offerTitle: string;
      startsAt: string;
      timeZone: string;
      location: string | null;
      onlineLink: string | null;
    }
  | {
      kind: 'feedback_request';
      offerId: string;
      offerTitle: string;
      startsAt: string;
      endsAt: string;
      timeZone: string;
      closesAt: string;
      /** The one reminder to someone who has not answered yet. */
      reminder: boolean;
      /** The recipient's goals the form offers, read when it was queued; absent on notices queued before goals were offered. */
      goals?: { id: string; title: string }[];
    }
  | FollowUpRequestNotice
  | ShareInviteNotice
  | ProposalNotice
  | ReflectionPromptNotice
  | ObservationNotice
  | ProgrammeNotice
  | GroupOfferPostedNotice
  | ApprovalNotice;

/** Weeks after a session: did you use it, what changed, what effect on pupils, confidence now. */
export interface FollowUpRequestNotice {
  kind: 'follow_up_request';
  offerId: string;
  offerTitle: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  closesAt: string;
  reminder: boolean;
  /** The recipient's goals the form offers, read when it was queued. */
  goals: { id: string; title: string }[];
  /** Their confidence before and after from their feedback, to compare with now; null when they gave none. */
  feedbackConfidence: { before: number; after: number } | null;
}

/** After a session, its staff facilitator (who is asked for no feedback) is offered the share form. */
export interface ShareInviteNotice {
  kind: 'share_invite';
  offerId: string;
  offerTitle: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /** Where the share is posted, as the form says. */
  channelName: string;
}

export interface NewNotice {
  /** Stops the same notice being queued or sent twice, e.g. `promotion:<offer>:<person>:<queue number>`. */
  idempotencyKey: string;
  schoolId: string;
  recipientId: string;
  notice: Notice;
  /** Not delivered before this time (quiet hours); now when absent. */
  notBefore?: Date;
}

export interface QueuedNotice extends NewNotice {
  id: number;
  attempts: number;
}

export interface Outbox {
  /** Takes due notices for delivery; a claimed notice is not handed to another worker until its lease ends. */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<QueuedNotice[]>;
  /**
   * Recorded just before the send itself. A notice still marked as sending when `leaseMs` has passed belongs to a
   * worker that died mid-send: it may have reached the person, so it is recorded as uncertain and not sent again.
   */
  markSending(id: number, now: Date, leaseMs: number): Promise<void>;
  markSent(id: number, now: Date): Promise<void>;
  /** Delivery failed for good (e.g. the person cannot be reached): kept with its reason, never retried. */
  markUndeliverable(id: number, reason: string, now: Date): Promise<void>;
  retryLater(id: number, reason: string, at: Date): Promise<void>;
  /** The send broke off after it may have reached the person: kept with its reason and not repeated. */
  markUncertain(id: number, reason: string, now: Date): Promise<void>;
}

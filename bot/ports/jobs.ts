/**
 * Work due at a time rather than now (reminders before a session, feedback requests after it). A job is written in
 * the same transaction as the change that makes it due, fires once, and still fires if the server was down at the
 * due time. Kinds are added by the features that need them; each kind has a handler in app/jobs/registry.ts.
 */
export type Job =
  | { kind: 'session_reminders'; offerId: string }
  | { kind: 'feedback_requests'; offerId: string }
  | { kind: 'feedback_reminders'; offerId: string }
  /** The daily retention run (bot/app/privacy/retention.ts); `day` makes each day's run its own job. */
  | { kind: 'privacy_retention'; day: string }
  | { kind: 'follow_up_requests'; offerId: string }
  | { kind: 'follow_up_reminders'; offerId: string }
  /** After a peer observation's visit: each of the two is asked to reflect. */
  | { kind: 'observation_reflections'; observationId: string }
  /** One offer of an imported programme, posted on its publish date (bot/app/programme/publishProgrammeOffer.ts). */
  | { kind: 'programme_publish'; importId: string; line: number }
  /** A group offer's release date: unused places per school return to the pool and the waitlist moves up. */
  | { kind: 'quota_release'; offerId: string }
  /** A group offer just saved: one card to each member school's CLPL channel (bot/app/groupOffers/postGroupOffer.ts). */
  | { kind: 'group_offer_posting'; offerId: string }
  /** A seat held for school approval runs out unanswered (the same hold: person and queue number). */
  | { kind: 'approval_expiry'; offerId: string; personId: string; queueNumber: number }
  /** Asks approvers about every seat of the offer held for approval without a request yet (e.g. after an erasure). */
  | { kind: 'approval_requests'; offerId: string };

export interface NewJob {
  /** One job per key: scheduling the same key again moves it (e.g. `reminders:<offer>` when the offer's time changes). */
  key: string;
  dueAt: Date;
  job: Job;
}

export interface QueuedJob extends NewJob {
  id: number;
  attempts: number;
}

export interface JobQueue {
  /** Takes due jobs; a claimed job is not handed to another worker until its lease ends. */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<QueuedJob[]>;
  markDone(id: number, now: Date): Promise<void>;
  retryLater(id: number, reason: string, at: Date): Promise<void>;
  markFailed(id: number, reason: string, now: Date): Promise<void>;
  /** Queues the job unless its key is already known (pending, done or failed): for recurring work such as retention. */
  scheduleIfAbsent(job: NewJob, now: Date): Promise<void>;
  /** Drops a pending job (e.g. the offer was cancelled). */
  cancel(key: string): Promise<void>;
}

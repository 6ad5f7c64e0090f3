import { LearningShare } from '../domain/learningShare';

/** What claiming a share for posting found: it is ours to post, already in the channel, or being posted by another. */
export type ShareClaim = { outcome: 'claimed'; until: Date } | { outcome: 'posted'; share: LearningShare } | { outcome: 'posting' };

/** What people shared back under each offer's card. */
export interface LearningShareStore {
  find(offerId: string, personId: string): Promise<LearningShare | undefined>;
  /**
   * Saves the person's one share for the offer and claims it for posting until `now + leaseMs`, in one atomic step:
   * a share already posted, or claimed by a click still under way, is left as it is. A share that never reached the
   * channel (its post failed, or its claim lapsed) is replaced and claimed again.
   */
  claimForPosting(share: LearningShare, now: Date, leaseMs: number): Promise<ShareClaim>;
  /** Gives up a claim whose post failed: the share stays saved, unposted, and may be sent again at once. */
  releaseClaim(offerId: string, personId: string, until: Date): Promise<void>;
  /** Records the channel reply's id once it is posted (and ends the claim). */
  markPosted(offerId: string, personId: string, activityId: string): Promise<void>;
  /** How many people's shares are in the channel. */
  postedCount(offerId: string): Promise<number>;
}

import { LearningShare } from '../domain/learningShare';

/** What people shared back under each offer's card. */
export interface LearningShareStore {
  find(offerId: string, personId: string): Promise<LearningShare | undefined>;
  /** Creates or replaces the person's one share for the offer (a share that never reached the channel may be sent again). */
  save(share: LearningShare): Promise<void>;
  /** Records the channel reply's id once it is posted. */
  markPosted(offerId: string, personId: string, activityId: string): Promise<void>;
  /** How many people's shares are in the channel. */
  postedCount(offerId: string): Promise<number>;
}

import { LearningShare } from '../domain/learningShare';
import { Offer } from '../domain/offer';
import { SeatSummary } from '../domain/signUp';

/** Where an offer's card was posted; kept so the card can be updated in place. */
export interface PostedCard {
  offerId: string;
  conversationId: string;
  activityId: string;
}

export interface OfferCardLedger {
  recordPosted(card: PostedCard, shownRevision: number): Promise<void>;
  findPosted(offerId: string): Promise<PostedCard | undefined>;
  /** Posted cards whose offer has changed since the card was last drawn. */
  staleCards(limit: number): Promise<Array<PostedCard & { revision: number }>>;
  /**
   * Takes stale cards for redrawing: a claimed card is left alone by other instances until the lease ends, so one
   * change leads to one update however many instances share the database.
   */
  claimStaleCards(now: Date, limit: number, leaseMs: number): Promise<Array<PostedCard & { revision: number }>>;
  /** Records what the card now shows and releases the claim. */
  markShown(offerId: string, revision: number): Promise<void>;
}

export interface OfferCardView {
  offer: Offer;
  seats: SeatSummary;
  /** People signed up (confirmed or waitlisted), so their clients can refresh to their own view. */
  signedUpIds: string[];
  /** How many people shared their learning under the card: the channel's card and each person's own view alike. */
  sharedCount: number;
}

/** The channel where offers are posted for everyone to see (the Teams channel in production). */
export interface OfferBoard {
  post(channelId: string, view: OfferCardView): Promise<PostedCard>;
  /** Redraws a posted card; `loadView` is read once the update's turn in the rate budget has come (null: skip). */
  update(card: PostedCard, loadView: () => Promise<OfferCardView | null>): Promise<void>;
  /** Posts a reply in the thread under a posted card (learning shared back); answers the reply's id. */
  replyUnder(card: PostedCard, share: LearningShare, offerTitle: string): Promise<string>;
}

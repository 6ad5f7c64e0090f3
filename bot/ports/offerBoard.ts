import { LearningShare } from '../domain/learningShare';
import { Offer } from '../domain/offer';
import { SeatSummary } from '../domain/signUp';

/** Where an offer's card was posted; kept so the card can be updated in place. */
export interface PostedCard {
  offerId: string;
  conversationId: string;
  activityId: string;
  /** The school whose channel holds it; a group offer has one card per member school. */
  schoolId?: string;
}

/** One card of an offer: an offer has one per channel it was posted to. */
export type CardKey = Pick<PostedCard, 'offerId' | 'conversationId'>;

/** A card to redraw, with what its offer is at now and the group it was offered to (if any). */
export type StaleOfferCard = PostedCard & { revision: number; groupId?: string };

export interface OfferCardLedger {
  /** Keeps a card's place (one per offer and conversation; posting again to the same channel replaces it). */
  recordPosted(card: PostedCard, shownRevision: number): Promise<void>;
  /** The offer's card in its own school's channel (else its first card): where learning is shared back. */
  findPosted(offerId: string): Promise<PostedCard | undefined>;
  /** Every card of the offer, retired ones included, oldest first. */
  postedCards(offerId: string): Promise<PostedCard[]>;
  /** Posted cards whose offer has changed since the card was last drawn (retired cards never are). */
  staleCards(limit: number): Promise<StaleOfferCard[]>;
  /**
   * Takes stale cards for redrawing: a claimed card is left alone by other instances until the lease ends, so one
   * change leads to one update however many instances share the database.
   */
  claimStaleCards(now: Date, limit: number, leaseMs: number): Promise<StaleOfferCard[]>;
  /** Records what the card now shows and releases the claim. */
  markShown(card: CardKey, revision: number): Promise<void>;
  /** The card's school left the offer's group: it stays as last drawn and is never claimed again. */
  retire(card: CardKey, at: Date): Promise<void>;
  /** The schools of these channels are back in the offer's group: their retired cards are redrawn again. */
  reinstate(offerId: string, conversationIds: readonly string[]): Promise<number>;
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

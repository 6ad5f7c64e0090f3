/** Why a member school got no card of a group offer. */
export type NotPostedReason = 'no_clpl_channel' | 'post_failed';

/** Told to a group offer's author once its cards are in the member schools' channels (posting runs as a job). */
export interface GroupOfferPostedNotice {
  kind: 'group_offer_posted';
  offerId: string;
  offerTitle: string;
  groupName: string;
  /** How many schools' channels have a card (this run's posts and any earlier run's). */
  postedCount: number;
  /** Schools left without a card, by name, and why. */
  notPosted: Array<{ name: string; reason: NotPostedReason }>;
}

import { Logger } from 'pino';
import { seatSummary } from '../../domain/signUp';
import { Offer } from '../../domain/offer';
import { OfferBoard, OfferCardLedger, OfferCardView, StaleOfferCard } from '../../ports/offerBoard';
import { SchoolGroups } from '../../ports/schoolGroups';
import { LearningShareStore } from '../../ports/learningShareStore';
import { OfferStore } from '../../ports/offerStore';
import { activeSignUpIds } from '../signUp';
import { errorSummary, StaleCardRefresher } from './staleCardRefresher';

export { errorSummary } from './staleCardRefresher';

/**
 * Offer cards in the channels: a burst of 50 sign-ups costs a handful of updates (see StaleCardRefresher). A group
 * offer has a card in each member school's channel; each is claimed and redrawn on its own, within its channel's
 * budget, so every card converges on the same state. A card whose school has left the group is retired, not redrawn.
 */
export class OfferCardRefresher extends StaleCardRefresher<StaleOfferCard> {
  private readonly seatsByRevision = new Map<string, { readAt: number; seats: Pick<OfferCardView, 'seats' | 'signedUpIds'> }>();

  constructor(
    private readonly deps: {
      offers: OfferStore;
      offerCards: OfferCardLedger;
      board: OfferBoard;
      /** Counts learning shared under each card. */
      learningShares: LearningShareStore;
      /** Which schools are (still) in a group; without it every card of a group offer is redrawn. */
      groups?: Pick<SchoolGroups, 'schoolsIn'>;
      logger: Logger;
      /** A short pause before the first redraw so that a burst of clicks lands in one update. */
      settleMs: number;
    },
  ) {
    super(deps.settleMs);
  }

  offerChanged(): void {
    this.changed();
  }

  protected claim(now: Date, limit: number, leaseMs: number): Promise<StaleOfferCard[]> {
    return this.deps.offerCards.claimStaleCards(now, limit, leaseMs);
  }

  protected idOf(card: StaleOfferCard): string {
    return `${card.offerId}\u0000${card.conversationId}`;
  }

  protected async redraw(card: StaleOfferCard): Promise<void> {
    if (await this.schoolLeftGroup(card)) {
      await this.deps.offerCards.retire(card, new Date());
      this.deps.logger.info({ event: 'offer_card_retired', offerId: card.offerId, schoolId: card.schoolId, groupId: card.groupId });
      return;
    }
    let shownRevision: number | null = null;
    await this.deps.board.update(card, async () => {
      const offer = await this.deps.offers.findOffer(card.offerId);
      if (!offer) return null;
      shownRevision = offer.revision;
      const sharedCount = await this.deps.learningShares.postedCount(card.offerId);
      return { offer, ...(await this.seatsAt(offer)), sharedCount };
    });
    if (shownRevision !== null) await this.deps.offerCards.markShown(card, shownRevision);
  }

  /**
   * The seats as of the offer's revision. Every change to its sign-ups raises the revision, so the cards of one group
   * offer (one per member school) drawn at the same revision share one read of its sign-ups instead of one each. Kept
   * a minute at most (retention's pseudonyms, which change no revision, need no redraw but should not live on here).
   */
  private async seatsAt(offer: Offer): Promise<Pick<OfferCardView, 'seats' | 'signedUpIds'>> {
    const key = `${offer.id}@${offer.revision}`;
    const now = Date.now();
    const known = this.seatsByRevision.get(key);
    if (known && now - known.readAt < 60_000) return known.seats;
    const signUps = await this.deps.offers.signUpsForOffer(offer.id);
    const seats = { seats: seatSummary(offer, signUps), signedUpIds: activeSignUpIds(signUps) };
    if (this.seatsByRevision.size >= 200) this.seatsByRevision.clear();
    this.seatsByRevision.set(key, { readAt: now, seats });
    return seats;
  }

  private async schoolLeftGroup(card: StaleOfferCard): Promise<boolean> {
    if (!card.groupId || !card.schoolId || !this.deps.groups) return false;
    return !(await this.deps.groups.schoolsIn(card.groupId)).includes(card.schoolId);
  }

  protected failed(card: StaleOfferCard, error: unknown): void {
    this.deps.logger.warn({ event: 'offer_card_update_failed', offerId: card.offerId, err: errorSummary(error) });
  }
}

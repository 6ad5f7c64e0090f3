import { Logger } from 'pino';
import { seatSummary } from '../../domain/signUp';
import { OfferBoard, OfferCardLedger, PostedCard } from '../../ports/offerBoard';
import { LearningShareStore } from '../../ports/learningShareStore';
import { OfferStore } from '../../ports/offerStore';
import { activeSignUpIds } from '../signUp';
import { errorSummary, StaleCardRefresher } from './staleCardRefresher';

export { errorSummary } from './staleCardRefresher';

type StaleOfferCard = PostedCard & { revision: number };

/** Offer cards in the channel: a burst of 50 sign-ups costs a handful of updates (see StaleCardRefresher). */
export class OfferCardRefresher extends StaleCardRefresher<StaleOfferCard> {
  constructor(
    private readonly deps: {
      offers: OfferStore;
      offerCards: OfferCardLedger;
      board: OfferBoard;
      /** Counts learning shared under each card. */
      learningShares: LearningShareStore;
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
    return card.offerId;
  }

  protected async redraw(card: StaleOfferCard): Promise<void> {
    let shownRevision: number | null = null;
    await this.deps.board.update(card, async () => {
      const offer = await this.deps.offers.findOffer(card.offerId);
      if (!offer) return null;
      const signUps = await this.deps.offers.signUpsForOffer(card.offerId);
      shownRevision = offer.revision;
      const sharedCount = await this.deps.learningShares.postedCount(card.offerId);
      return { offer, seats: seatSummary(offer, signUps), signedUpIds: activeSignUpIds(signUps), sharedCount };
    });
    if (shownRevision !== null) await this.deps.offerCards.markShown(card.offerId, shownRevision);
  }

  protected failed(card: StaleOfferCard, error: unknown): void {
    this.deps.logger.warn({ event: 'offer_card_update_failed', offerId: card.offerId, err: errorSummary(error) });
  }
}

import { Logger } from 'pino';
import { seatSummary } from '../../domain/signUp';
import { OfferBoard, OfferCardLedger, StaleOfferCard } from '../../ports/offerBoard';
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
      const signUps = await this.deps.offers.signUpsForOffer(card.offerId);
      shownRevision = offer.revision;
      const sharedCount = await this.deps.learningShares.postedCount(card.offerId);
      return { offer, seats: seatSummary(offer, signUps), signedUpIds: activeSignUpIds(signUps), sharedCount };
    });
    if (shownRevision !== null) await this.deps.offerCards.markShown(card, shownRevision);
  }

  private async schoolLeftGroup(card: StaleOfferCard): Promise<boolean> {
    if (!card.groupId || !card.schoolId || !this.deps.groups) return false;
    return !(await this.deps.groups.schoolsIn(card.groupId)).includes(card.schoolId);
  }

  protected failed(card: StaleOfferCard, error: unknown): void {
    this.deps.logger.warn({ event: 'offer_card_update_failed', offerId: card.offerId, err: errorSummary(error) });
  }
}

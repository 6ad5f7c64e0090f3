import { Logger } from 'pino';
import { ReachabilityLog } from '../../ports/reachability';
import { ReflectionStore } from '../../ports/reflectionStore';
import { StaleTrackingCard, TrackingBoard, TrackingCardLedger } from '../../ports/trackingBoard';
import { errorSummary, StaleCardRefresher } from '../delivery/staleCardRefresher';
import { trackingViewOf } from './promptReflection';

/**
 * Redraws managers' tracking cards as answers and delivery outcomes come in: a burst of answers in one round costs
 * one update, and with several instances only the one holding the card's claim redraws it (see StaleCardRefresher).
 */
export class TrackingCardRefresher extends StaleCardRefresher<StaleTrackingCard> {
  constructor(
    private readonly deps: { reflections: ReflectionStore; reachability: ReachabilityLog; trackingCards: TrackingCardLedger; board: TrackingBoard; logger: Logger },
    settleMs: number,
  ) {
    super(settleMs);
  }

  protected claim(now: Date, limit: number, leaseMs: number): Promise<StaleTrackingCard[]> {
    return this.deps.trackingCards.claimStaleCards(now, limit, leaseMs);
  }

  protected idOf(card: StaleTrackingCard): string {
    return card.roundId;
  }

  protected async redraw(card: StaleTrackingCard): Promise<void> {
    let shownRevision: number | null = null;
    await this.deps.board.update(card, card.managerId, async () => {
      // The revision first: a change committed after it leaves the card stale for the next run.
      const revision = await this.deps.trackingCards.revision(card.roundId);
      const round = await this.deps.reflections.findRound(card.roundId);
      if (revision === undefined || !round) return null;
      shownRevision = revision;
      return trackingViewOf(this.deps, round);
    });
    if (shownRevision !== null) await this.deps.trackingCards.markShown(card.roundId, shownRevision);
    this.deps.logger.info({ event: 'tracking_card_updated', roundId: card.roundId });
  }

  protected failed(card: StaleTrackingCard, error: unknown): void {
    this.deps.logger.warn({ event: 'tracking_card_update_failed', roundId: card.roundId, err: errorSummary(error) });
  }
}

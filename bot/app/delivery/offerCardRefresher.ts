import { Logger } from 'pino';
import { seatSummary } from '../../domain/signUp';
import { OfferBoard, OfferCardLedger } from '../../ports/offerBoard';
import { OfferStore } from '../../ports/offerStore';
import { activeSignUpIds } from '../signUp';

/**
 * Keeps posted offer cards showing the current state without making anyone wait for it. A change only marks the
 * offer (its revision rises, in the database); this worker redraws stale cards from a fresh read, so a burst of 50
 * sign-ups costs a handful of updates, and every update waits its turn in the channel's shared rate budget.
 */
/** Long enough for a redraw that waits its turn in a busy channel; a crashed instance's claim lapses after it. */
const claimLeaseMs = 60_000;

export class OfferCardRefresher {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: {
      offers: OfferStore;
      offerCards: OfferCardLedger;
      board: OfferBoard;
      logger: Logger;
      /** A short pause before the first redraw so that a burst of clicks lands in one update. */
      settleMs: number;
    },
  ) {}

  offerChanged(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refreshNow();
    }, this.deps.settleMs);
  }

  /** Redraws every stale card; resolves when none is left (or, if already running, when that run ends). */
  refreshNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.refreshNow();
      }
    });
    return this.running;
  }

  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        await this.refreshNow();
      }
      await this.running;
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async drain(): Promise<void> {
    const attempted = new Set<string>();
    for (;;) {
      const stale = (await this.deps.offerCards.claimStaleCards(new Date(), 20, claimLeaseMs)).filter((c) => !attempted.has(`${c.offerId}@${c.revision}`));
      if (stale.length === 0) return;
      for (const card of stale) {
        attempted.add(`${card.offerId}@${card.revision}`);
        try {
          let shownRevision: number | null = null;
          await this.deps.board.update(card, async () => {
            const offer = await this.deps.offers.findOffer(card.offerId);
            if (!offer) return null;
            const signUps = await this.deps.offers.signUpsForOffer(card.offerId);
            shownRevision = offer.revision;
            return { offer, seats: seatSummary(offer, signUps), signedUpIds: activeSignUpIds(signUps) };
          });
          if (shownRevision !== null) await this.deps.offerCards.markShown(card.offerId, shownRevision);
        } catch (error) {
          this.deps.logger.warn({ event: 'offer_card_update_failed', offerId: card.offerId, err: errorSummary(error) });
        }
      }
    }
  }
}

export function errorSummary(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

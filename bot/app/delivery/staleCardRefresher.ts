import { concurrently } from './concurrently';

/** Long enough for a redraw that waits its turn in a busy conversation; a crashed instance's claim lapses after it. */
const claimLeaseMs = 60_000;

/**
 * Keeps posted cards showing the current state without making anyone wait for it. A change only marks its card stale
 * (a revision rises, in the database, with the change); this worker claims stale cards, so that however many instances
 * share the database one of them redraws each card, and redraws it from a fresh read. Changes within `settleMs` of the
 * first become one redraw, and every redraw waits its turn in the shared rate budget.
 */
export abstract class StaleCardRefresher<C extends { revision: number }> {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  /**
   * `redrawsInFlight`: a group offer has a card in every member school's channel (hundreds for an authority); one
   * redraw at a time would take minutes for them to converge, where Teams' tenant budget allows about 50 a second.
   */
  constructor(
    private readonly settleMs: number,
    private readonly redrawsInFlight = 8,
  ) {}

  /** Takes stale cards; another instance leaves them alone until the lease ends or they are marked shown. */
  protected abstract claim(now: Date, limit: number, leaseMs: number): Promise<C[]>;
  protected abstract idOf(card: C): string;
  /** Redraws the card from a fresh read and records the revision it now shows (which releases the claim). */
  protected abstract redraw(card: C): Promise<void>;
  protected abstract failed(card: C, error: unknown): void;

  /** A card may have become stale: redraw soon. */
  changed(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refreshNow();
    }, this.settleMs);
  }

  /** Redraws every stale card; resolves when none is left (or, if already running, when that run ends). */
  refreshNow(): Promise<void> {
    if (this.stopped) return this.running ?? Promise.resolve();
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

  /** Resolves when every change noted so far has been drawn. */
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

  /**
   * Shutting down: takes no more cards (a change noted from now on is left stale in the database, for the sweep of
   * whichever instance runs next); the cards already claimed are still redrawn. `idle()` says when they are.
   */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async drain(): Promise<void> {
    // A card that failed (or vanished) keeps its claim until the lease ends: not retried in this run.
    const attempted = new Set<string>();
    while (!this.stopped) {
      const stale = (await this.claim(new Date(), 20, claimLeaseMs)).filter((c) => !attempted.has(`${this.idOf(c)}@${c.revision}`));
      if (stale.length === 0) return;
      for (const card of stale) attempted.add(`${this.idOf(card)}@${card.revision}`);
      await concurrently(stale, this.redrawsInFlight, async (card) => {
        try {
          await this.redraw(card);
        } catch (error) {
          this.failed(card, error);
        }
      });
    }
  }
}

export function errorSummary(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

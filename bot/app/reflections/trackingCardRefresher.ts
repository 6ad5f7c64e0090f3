import { Logger } from 'pino';
import { ReflectionStore } from '../../ports/reflectionStore';
import { ReachabilityLog } from '../../ports/reachability';
import { TrackingBoard } from '../../ports/trackingBoard';
import { errorSummary } from '../delivery/offerCardRefresher';
import { trackingViewOf } from './promptReflection';

/**
 * Redraws tracking cards after answers come in. Changes to one round within `settleMs` become one update, and the
 * view is read when the update's rate-limit slot comes, so a burst of answers costs one send. Coalesced within this
 * process only (offer cards also coordinate across instances through the database; a second instance here at worst
 * sends one extra, identical update).
 */
export class TrackingCardRefresher {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: { reflections: ReflectionStore; reachability: ReachabilityLog; board: TrackingBoard; logger: Logger },
    private readonly settleMs: number,
  ) {}

  roundChanged(roundId: string): void {
    this.pending.add(roundId);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.settleMs);
    this.timer.unref();
  }

  /** Resolves when every change noted so far has been drawn. */
  async idle(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      await this.flush();
    }
    while (this.running) await this.running;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): Promise<void> {
    const work = (this.running ?? Promise.resolve()).then(() => this.drain());
    const tracked: Promise<void> = work.finally(() => {
      if (this.running === tracked) this.running = null;
    });
    this.running = tracked;
    return tracked;
  }

  private async drain(): Promise<void> {
    const rounds = [...this.pending];
    this.pending.clear();
    for (const roundId of rounds) {
      try {
        const [card, round] = await Promise.all([this.deps.reflections.findTrackingCard(roundId), this.deps.reflections.findRound(roundId)]);
        if (!card || !round) continue;
        await this.deps.board.update(card, round.managerId, () => trackingViewOf(this.deps, round));
        this.deps.logger.info({ event: 'tracking_card_updated', roundId });
      } catch (error) {
        this.deps.logger.warn({ event: 'tracking_card_update_failed', roundId, err: errorSummary(error) });
      }
    }
  }
}

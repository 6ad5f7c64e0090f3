/** A limit of `limit` operations in any `windowMs` span. */
export interface RateWindow {
  windowMs: number;
  limit: number;
}

/**
 * Teams' limits for one bot in one conversation (a channel or a 1:1 chat). One budget is shared by every message and
 * card update in that conversation.
 */
export const teamsConversationWindows: readonly RateWindow[] = [
  { windowMs: 1_000, limit: 7 },
  { windowMs: 2_000, limit: 8 },
  { windowMs: 30_000, limit: 60 },
  { windowMs: 3_600_000, limit: 1_800 },
];

/**
 * How long to wait before one more operation fits every window, given the times of earlier ones (ascending).
 * Pure, so the budget arithmetic is tested without a clock.
 */
export function waitBeforeNext(history: readonly number[], now: number, windows: readonly RateWindow[]): number {
  let wait = 0;
  for (const { windowMs, limit } of windows) {
    const inWindow = history.filter((t) => t > now - windowMs);
    if (inWindow.length >= limit) {
      const oldestThatMustExpire = inWindow[inWindow.length - limit] as number;
      wait = Math.max(wait, oldestThatMustExpire + windowMs - now);
    }
  }
  return wait;
}

/** Per-key budgets (key = conversation id) over the windows; `acquire` resolves when one more operation is allowed. */
export class RateLimiter {
  private readonly history = new Map<string, number[]>();
  private readonly tails = new Map<string, Promise<void>>();
  private readonly longestWindow: number;

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.longestWindow = Math.max(...windows.map((w) => w.windowMs));
  }

  /** Callers for one key are served in arrival order, so no one is starved. */
  acquire(key: string): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const turn = previous.then(() => this.takeSlot(key));
    this.tails.set(key, turn);
    void turn.finally(() => {
      if (this.tails.get(key) === turn) this.tails.delete(key);
    });
    return turn;
  }

  /** The platform said to back off (HTTP 429): hold the whole key for that long. */
  pause(key: string, ms: number): void {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const paused = previous.then(() => this.sleep(ms));
    this.tails.set(key, paused);
    void paused.finally(() => {
      if (this.tails.get(key) === paused) this.tails.delete(key);
    });
  }

  private async takeSlot(key: string): Promise<void> {
    for (;;) {
      const now = this.now();
      const history = (this.history.get(key) ?? []).filter((t) => t > now - this.longestWindow);
      const wait = waitBeforeNext(history, now, this.windows);
      if (wait <= 0) {
        history.push(now);
        this.history.set(key, history);
        return;
      }
      this.history.set(key, history);
      await this.sleep(wait);
    }
  }
}

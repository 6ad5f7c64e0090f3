import { SendSlotLedger, SendWindow } from '../../ports/sendSlots';

/** A limit of `limit` operations in any `windowMs` span. */
export type RateWindow = SendWindow;

/**
 * Teams' limits for one bot in one conversation (a channel or a 1:1 chat). One budget is shared by every message and
 * card update in that conversation.
 */
export const teamsConversationWindows: readonly RateWindow[] = withMargin([
  { windowMs: 1_000, limit: 7 },
  { windowMs: 2_000, limit: 8 },
  { windowMs: 30_000, limit: 60 },
  { windowMs: 3_600_000, limit: 1_800 },
]);

/** Teams' limit for one app across a whole tenant: about 50 requests a second. */
export const teamsTenantWindows: readonly RateWindow[] = withMargin([{ windowMs: 1_000, limit: 50 }]);

/**
 * Requests reach Teams a little after we count them, and not always equally late, so each window is counted a little
 * longer than Teams counts it; otherwise two sends counted 1 000 ms apart could arrive 990 ms apart.
 */
function withMargin(windows: RateWindow[], marginMs = 50): RateWindow[] {
  return windows.map((w) => ({ ...w, windowMs: w.windowMs + marginMs }));
}

export function longestWindowMs(windows: readonly RateWindow[]): number {
  return Math.max(...windows.map((w) => w.windowMs));
}

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

/** The ledger for a single process (tests, and local mode when nothing else shares the budget). */
export class MemorySendSlotLedger implements SendSlotLedger {
  private readonly history = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly windows: readonly RateWindow[]) {}

  async reserve(key: string, nowMs: number): Promise<number> {
    const paused = (this.pausedUntil.get(key) ?? 0) - nowMs;
    if (paused > 0) return paused;
    const history = (this.history.get(key) ?? []).filter((t) => t > nowMs - longestWindowMs(this.windows));
    const wait = waitBeforeNext(history, nowMs, this.windows);
    if (wait <= 0) history.push(nowMs);
    this.history.set(key, history);
    return Math.max(0, wait);
  }

  async pauseUntil(key: string, untilMs: number): Promise<void> {
    this.pausedUntil.set(key, Math.max(untilMs, this.pausedUntil.get(key) ?? 0));
  }
}

/** Per-key budgets (key = conversation id); `acquire` resolves when one more operation is allowed. */
export class RateLimiter {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    windows: readonly RateWindow[],
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly ledger: SendSlotLedger = new MemorySendSlotLedger(windows),
  ) {}

  /** Callers for one key in this process are served in arrival order, so no one is starved. */
  acquire(key: string): Promise<void> {
    return this.enqueue(key, () => this.takeSlot(key));
  }

  /** The platform said to back off (HTTP 429): hold the key for that long, in every instance sharing the ledger. */
  pause(key: string, ms: number): Promise<void> {
    return this.enqueue(key, () => this.ledger.pauseUntil(key, this.now() + ms));
  }

  private enqueue(key: string, step: () => Promise<void>): Promise<void> {
    const turn = (this.tails.get(key) ?? Promise.resolve()).then(step);
    const settled = turn.catch(() => undefined);
    this.tails.set(key, settled);
    void settled.finally(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return turn;
  }

  private async takeSlot(key: string): Promise<void> {
    for (;;) {
      const wait = await this.ledger.reserve(key, this.now());
      if (wait <= 0) return;
      await this.sleep(wait);
    }
  }
}

import { Reservation, SendSlotLedger, SendWindow } from '../../ports/sendSlots';

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
 * A slot is counted from when its send finished (see SendSlotLedger.finish), which is never before Teams saw it; the
 * small margin covers clocks and timers that round.
 */
function withMargin(windows: RateWindow[], marginMs = 20): RateWindow[] {
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
  private readonly history = new Map<string, Array<{ slot: number; at: number }>>();
  private readonly pausedUntil = new Map<string, number>();
  private nextSlot = 1;

  constructor(private readonly windows: readonly RateWindow[]) {}

  async reserve(key: string, nowMs: number): Promise<Reservation> {
    const paused = (this.pausedUntil.get(key) ?? 0) - nowMs;
    if (paused > 0) return { granted: false, waitMs: paused };
    const history = (this.history.get(key) ?? []).filter((s) => s.at > nowMs - longestWindowMs(this.windows));
    this.history.set(key, history);
    const wait = waitBeforeNext(history.map((s) => s.at).sort((a, b) => a - b), nowMs, this.windows);
    if (wait > 0) return { granted: false, waitMs: wait };
    const slot = this.nextSlot++;
    history.push({ slot, at: nowMs });
    return { granted: true, slot };
  }

  async finish(slot: number, atMs: number): Promise<void> {
    for (const history of this.history.values()) {
      const entry = history.find((s) => s.slot === slot);
      if (entry) entry.at = Math.max(entry.at, atMs);
    }
  }

  async pauseUntil(key: string, untilMs: number): Promise<void> {
    this.pausedUntil.set(key, Math.max(untilMs, this.pausedUntil.get(key) ?? 0));
  }
}

/** A send's place in the budget; `finish` once the send is done (see SendSlotLedger.finish). */
export interface SendSlot {
  finish(): Promise<void>;
}

/** Per-key budgets (key = conversation id); `acquire` resolves when one more operation is allowed. */
export class RateLimiter {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    windows: readonly RateWindow[],
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly ledger: SendSlotLedger = new MemorySendSlotLedger(windows),
  ) {}

  /** Callers for one key in this process are served in arrival order, so no one is starved. */
  acquire(key: string): Promise<SendSlot> {
    return this.enqueue(key, () => this.takeSlot(key));
  }

  /** The platform said to back off (HTTP 429): hold the key for that long, in every instance sharing the ledger. */
  pause(key: string, ms: number): Promise<void> {
    return this.enqueue(key, () => this.ledger.pauseUntil(key, this.now() + ms));
  }

  private enqueue<T>(key: string, step: () => Promise<T>): Promise<T> {
    const turn = (this.tails.get(key) ?? Promise.resolve()).then(step);
    const settled = turn.catch(() => undefined);
    this.tails.set(key, settled);
    void settled.finally(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return turn;
  }

  private async takeSlot(key: string): Promise<SendSlot> {
    for (;;) {
      const reservation = await this.ledger.reserve(key, this.now());
      if (reservation.granted) return { finish: () => this.ledger.finish(reservation.slot, this.now()) };
      await this.sleep(reservation.waitMs);
    }
  }
}

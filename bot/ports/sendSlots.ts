/**
 * The shared record of sends per conversation, against which Teams' rate limits are kept. In the database it holds
 * across every app instance sharing it; in memory it holds for one process.
 */
/** Sends allowed in any span of `windowMs`. */
export interface SendWindow {
  windowMs: number;
  limit: number;
}

/** Ledgers over the same records, each keeping its own limits (per conversation, per tenant). */
export interface SendSlotLedgers {
  forWindows(windows: readonly SendWindow[]): SendSlotLedger;
}

export interface SendSlotLedger {
  /** Records one send for `key` at `nowMs` if the budget and any pause allow it (returns 0); else how long to wait. */
  reserve(key: string, nowMs: number): Promise<number>;
  /** Teams said to back off (HTTP 429): nobody sends to `key` before `untilMs`. */
  pauseUntil(key: string, untilMs: number): Promise<void>;
}

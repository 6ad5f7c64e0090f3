/** Sends allowed in any span of `windowMs`. */
export interface SendWindow {
  windowMs: number;
  limit: number;
}

/** Ledgers over the same records, each keeping its own limits (per conversation, per tenant). */
export interface SendSlotLedgers {
  forWindows(windows: readonly SendWindow[]): SendSlotLedger;
}

export type Reservation = { granted: true; slot: number } | { granted: false; waitMs: number };

/**
 * The shared record of sends per key (a conversation, a tenant), against which Teams' rate limits are kept. In the
 * database it holds across every app instance sharing it; in memory it holds for one process.
 */
export interface SendSlotLedger {
  /** Records one send for `key` at `nowMs` if the budget and any pause allow it; else says how long to wait. */
  reserve(key: string, nowMs: number): Promise<Reservation>;
  /**
   * The send finished at `atMs`: it reached Teams no later than that, so the slot is counted from then. Counting from
   * the reservation alone could let two sends counted a window apart arrive closer together than Teams allows.
   */
  finish(slot: number, atMs: number): Promise<void>;
  /** Teams said to back off (HTTP 429): nobody sends to `key` before `untilMs`. */
  pauseUntil(key: string, untilMs: number): Promise<void>;
}

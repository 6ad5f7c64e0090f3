import { RateLimiter } from '../../app/delivery/rateLimiter';

/** The HTTP status of a failed Bot Connector call, however the SDK wrapped it. */
export function statusOf(error: unknown): number | null {
  const e = error as { statusCode?: number; status?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.response?.status ?? e?.status ?? null;
}

export function retryAfterMsOf(error: unknown): number | null {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } | Record<string, string> } })?.response?.headers;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  const seconds = raw === undefined || raw === null ? NaN : Number(raw);
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : null;
}

const retryable = new Set([412, 429, 502, 503, 504]);

/** Teams counts requests per conversation and per tenant (all conversations of the app together). */
export interface SendBudgets {
  conversations: RateLimiter;
  tenants: RateLimiter;
}

/**
 * One call to a conversation inside both of its rate budgets. A 429 pauses that conversation for Retry-After (or a
 * backoff) and tries again; 412/5xx are retried a few times too; anything else is the caller's to handle.
 */
export async function withinBudget<T>(
  budgets: SendBudgets,
  target: { conversationId: string; tenantId: string | null },
  call: () => Promise<T>,
  maxTries = 4,
): Promise<T> {
  const conversationId = target.conversationId;
  const limiter = budgets.conversations;
  for (let attempt = 1; ; attempt++) {
    // The conversation's slot first: its wait can be long, and a tenant slot taken before it would go unused.
    const slots = [await limiter.acquire(conversationId), await budgets.tenants.acquire(`tenant:${target.tenantId ?? 'default'}`)];
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (status === null || !retryable.has(status) || attempt >= maxTries) throw error;
      const wait = retryAfterMsOf(error) ?? Math.min(30_000, 500 * 2 ** attempt * (0.5 + Math.random() / 2));
      await limiter.pause(conversationId, wait);
    } finally {
      await Promise.all(slots.map((slot) => slot.finish()));
    }
  }
}

import { Logger } from 'pino';
import { DeliveryThrottled, Messenger, RecipientUnreachable } from '../../ports/messenger';
import { Outbox } from '../../ports/outbox';
import { Clock } from '../../ports/clock';
import { errorSummary } from './offerCardRefresher';
import { ReachOut } from './reachOut';

export interface NoticeDeliveryOptions {
  batchSize: number;
  /** How long a claimed notice is held before another worker may try it (a crash before its send began). */
  leaseMs: number;
  /** How long a send may take at most, rate-limit waits included; past that a send still marked running is uncertain. */
  sendLeaseMs: number;
  maxAttempts: number;
  pollMs: number;
}

/** Delivers queued notices 1:1: sent once, retried with backoff when the platform fails, kept with a reason when not. */
export class NoticeDelivery {
  private running: Promise<void> | null = null;
  private again = false;
  private poller: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    /** `reachOut`: installs the app for, or records, people who cannot be reached; without it they are only given up. */
    private readonly deps: { outbox: Outbox; messenger: Messenger; clock: Clock; logger: Logger; reachOut?: ReachOut },
    private readonly options: NoticeDeliveryOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.poller = setInterval(() => void this.deliverNow(), this.options.pollMs);
    this.poller.unref();
  }

  /**
   * Shutting down: claims no more notices (those queued from now on wait in the outbox for the next instance); the
   * batch already claimed is still sent. `idle()` says when it has been.
   */
  stop(): void {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
  }

  noticesQueued(): void {
    void this.deliverNow();
  }

  deliverNow(): Promise<void> {
    if (this.stopped) return this.running ?? Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .catch((error) => this.deps.logger.error({ event: 'notice_delivery_failed', err: errorSummary(error) }))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.deliverNow();
        }
      });
    return this.running;
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const batch = await this.deps.outbox.claimDue(this.deps.clock.now(), this.options.batchSize, this.options.leaseMs);
      if (batch.length === 0) return;
      for (const queued of batch) {
        const log = { noticeId: queued.id, kind: queued.notice.kind, recipientId: queued.recipientId, attempt: queued.attempts };
        try {
          await this.deps.outbox.markSending(queued.id, this.deps.clock.now(), this.options.sendLeaseMs);
          await this.deps.messenger.sendNotice(queued.recipientId, queued.notice);
          await this.deps.outbox.markSent(queued.id, this.deps.clock.now());
          this.deps.logger.info({ event: 'notice_sent', ...log });
          await this.deps.reachOut?.reached(queued.recipientId);
        } catch (error) {
          const reason = errorSummary(error);
          if (mayHaveBeenDelivered(error)) {
            await this.deps.outbox.markUncertain(queued.id, reason, this.deps.clock.now());
            this.deps.logger.warn({ event: 'notice_uncertain', reason, ...log });
            continue;
          }
          if (error instanceof RecipientUnreachable && this.deps.reachOut) {
            const retryAt = await this.deps.reachOut.unreachable(queued, reason);
            if (retryAt && queued.attempts < this.options.maxAttempts) {
              await this.deps.outbox.retryLater(queued.id, reason, retryAt);
              this.deps.logger.info({ event: 'notice_waits_for_installation', ...log });
              continue;
            }
          }
          if (error instanceof RecipientUnreachable || queued.attempts >= this.options.maxAttempts) {
            await this.deps.outbox.markUndeliverable(queued.id, reason, this.deps.clock.now());
            this.deps.logger.warn({ event: 'notice_undeliverable', reason, ...log });
            continue;
          }
          const delay = error instanceof DeliveryThrottled && error.retryAfterMs !== null ? error.retryAfterMs : backoffMs(queued.attempts);
          await this.deps.outbox.retryLater(queued.id, reason, new Date(this.deps.clock.now().getTime() + delay));
          this.deps.logger.warn({ event: 'notice_retry_scheduled', reason, delayMs: delay, ...log });
        }
      }
    }
  }
}

/**
 * Whether a failed send may still have reached the person. An HTTP answer (a 4xx or 5xx) or a refused connection
 * means it did not; a connection that broke after the request went out might have, so such a notice is not repeated.
 */
export function mayHaveBeenDelivered(error: unknown): boolean {
  const e = error as { statusCode?: number; status?: number; response?: { status?: number }; code?: string };
  if (error instanceof RecipientUnreachable || error instanceof DeliveryThrottled || (e?.statusCode ?? e?.response?.status ?? e?.status)) return false;
  return ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ESOCKETTIMEDOUT'].includes(e?.code ?? '');
}

/** Exponential backoff with full jitter, capped at ten minutes. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(600_000, 1_000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

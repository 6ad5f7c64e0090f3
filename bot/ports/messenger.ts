import { Notice } from './outbox';

/** Thrown when a person cannot be reached 1:1 (no stored address, or they blocked the app): not worth retrying. */
export class RecipientUnreachable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RecipientUnreachable';
  }
}

/** Thrown when the platform asks us to slow down; `retryAfterMs` is its Retry-After when it gave one. */
export class DeliveryThrottled extends Error {
  constructor(readonly retryAfterMs: number | null) {
    super('throttled');
    this.name = 'DeliveryThrottled';
  }
}

export interface Messenger {
  sendNotice(recipientId: string, notice: Notice): Promise<void>;
}

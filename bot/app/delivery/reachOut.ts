import { Logger } from 'pino';
import { Clock } from '../../ports/clock';
import { QueuedNotice } from '../../ports/outbox';
import { AppInstaller, ReachabilityLog } from '../../ports/reachability';

export interface ReachOutOptions {
  /** How often a notice is tried again while Teams delivers the installation (and the person's address). */
  retryEveryMs: number;
  /** How long after installing the app a notice waits for the address before the person is recorded as unreachable. */
  waitForInstallMs: number;
}

/**
 * What happens when a person cannot be messaged 1:1: the app is installed for them once through Graph (when
 * configured) and the notice waits for the conversation reference Teams then sends; otherwise, or when that does not
 * help, they are recorded as unreachable with the reason so SLT can follow up.
 */
export class ReachOut {
  constructor(
    private readonly deps: { reachability: ReachabilityLog; installer: AppInstaller | null; clock: Clock; logger: Logger },
    private readonly options: ReachOutOptions,
  ) {}

  /** When to try the notice again, or null when the person is now recorded as unreachable (give the notice up). */
  async unreachable(queued: QueuedNotice, reason: string): Promise<Date | null> {
    const now = this.deps.clock.now();
    const who = { personId: queued.recipientId, schoolId: queued.schoolId };
    const retry = new Date(now.getTime() + this.options.retryEveryMs);
    if (!this.deps.installer) {
      await this.deps.reachability.recordUnreachable({ ...who, reason: `${reason} (automatic installation is not configured)` }, now);
      return null;
    }
    const requestedAt = await this.deps.reachability.installRequestedAt(who.personId);
    if (requestedAt) {
      if (now.getTime() - requestedAt.getTime() < this.options.waitForInstallMs) return retry;
      await this.deps.reachability.recordUnreachable({ ...who, reason: `${reason} (the app was installed for them, but Teams gave no way to reach them)` }, now);
      return null;
    }
    // Another worker may be installing at this moment; then this notice simply waits like the others.
    if (!(await this.deps.reachability.recordInstallRequested(who, now))) return retry;
    try {
      const result = await this.deps.installer.install(who.personId);
      if (result.ok) {
        this.deps.logger.info({ event: 'app_installed_for_person', recipientId: who.personId });
        return retry;
      }
      await this.deps.reachability.recordUnreachable({ ...who, reason: result.reason }, now);
      return null;
    } catch (error) {
      // Graph itself failed (network, 5xx after its own retries): keep the reason, try the notice again later.
      const message = error instanceof Error ? error.message : String(error);
      await this.deps.reachability.recordUnreachable({ ...who, reason: `Installing the app through Graph failed: ${message}` }, now);
      return retry;
    }
  }

  /** A notice reached the person: they are off the unreachable list. */
  async reached(personId: string): Promise<void> {
    await this.deps.reachability.recordReached(personId);
  }
}

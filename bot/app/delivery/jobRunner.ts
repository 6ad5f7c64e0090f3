import { Logger } from 'pino';
import { JobQueue } from '../../ports/jobs';
import { AppDependencies } from '../dependencies';
import { runJob } from '../jobs/registry';
import { backoffMs } from './noticeDelivery';
import { errorSummary } from './offerCardRefresher';

/**
 * Fires scheduled jobs once they are due: on a timer, and at start-up, so a job whose time passed while the server
 * was down still runs. Jobs are claimed with a lease, so with several instances each job runs in one of them.
 */
export class JobRunner {
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly deps: { app: AppDependencies; jobs: JobQueue; logger: Logger },
    private readonly options: { pollMs: number; leaseMs: number; maxAttempts: number },
  ) {}

  start(): void {
    this.stopped = false;
    void this.runDue();
    this.timer = setInterval(() => void this.runDue(), this.options.pollMs);
    this.timer.unref();
  }

  /** Shutting down: claims no more jobs (they stay due for the next instance); the batch already claimed still runs. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  runDue(): Promise<void> {
    if (this.stopped) return this.running ?? Promise.resolve();
    this.running ??= this.drain()
      .catch((error) => this.deps.logger.error({ event: 'job_runner_failed', err: errorSummary(error) }))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    const { app, jobs, logger } = this.deps;
    while (!this.stopped) {
      const batch = await jobs.claimDue(app.clock.now(), 10, this.options.leaseMs);
      if (batch.length === 0) return;
      for (const queued of batch) {
        const log = { jobId: queued.id, kind: queued.job.kind, key: queued.key, attempt: queued.attempts };
        try {
          await runJob(app, queued.job);
          await jobs.markDone(queued.id, app.clock.now());
          logger.info({ event: 'job_done', ...log });
        } catch (error) {
          const reason = errorSummary(error);
          if (queued.attempts >= this.options.maxAttempts) {
            await jobs.markFailed(queued.id, reason, app.clock.now());
            logger.error({ event: 'job_failed', reason, ...log });
          } else {
            await jobs.retryLater(queued.id, reason, new Date(app.clock.now().getTime() + backoffMs(queued.attempts)));
            logger.warn({ event: 'job_retry_scheduled', reason, ...log });
          }
        }
      }
    }
  }
}

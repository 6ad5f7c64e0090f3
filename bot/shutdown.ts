import { Logger } from 'pino';
import { errorSummary } from './app/delivery/staleCardRefresher';
import { RunningServer } from './server';

export type StoppableServer = Pick<RunningServer, 'close' | 'abort' | 'requestsInFlight'>;

/**
 * Stops the server within `graceMs` and says how it went: 0 when every request was answered and the store closed,
 * 1 when the grace period ran out (what was left is cut off and logged) or closing failed. Called again, it returns the
 * same stop: a second signal (npm passes on the one a terminal sends the whole process group) does not start another.
 */
export function gracefulStop(server: StoppableServer, logger: Logger, graceMs: number): (reason: string) => Promise<number> {
  let stopping: Promise<number> | null = null;
  return (reason) => {
    if (stopping) {
      logger.info({ event: 'shutdown_already_under_way', reason });
      return stopping;
    }
    stopping = stop(server, logger, graceMs, reason);
    return stopping;
  };
}

async function stop(server: StoppableServer, logger: Logger, graceMs: number, reason: string): Promise<number> {
  const started = Date.now();
  logger.info({ event: 'shutting_down', reason, graceMs, requestsInFlight: server.requestsInFlight() });
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<'out_of_time'>((resolve) => (timer = setTimeout(() => resolve('out_of_time'), graceMs)));
  const outcome = await Promise.race([server.close().then(() => 'closed' as const, (error: unknown) => error), outOfTime]);
  clearTimeout(timer);
  const ms = Date.now() - started;
  if (outcome === 'closed') {
    logger.info({ event: 'shut_down', reason, ms }, 'Stopped: requests in flight answered, background work finished, store closed.');
    return 0;
  }
  if (outcome === 'out_of_time') {
    const requestsInFlight = server.requestsInFlight();
    server.abort();
    logger.error({ event: 'shutdown_grace_exceeded', reason, ms, graceMs, requestsInFlight }, 'Stopped before everything had finished.');
    return 1;
  }
  logger.error({ event: 'shutdown_failed', reason, ms, err: errorSummary(outcome) });
  return 1;
}

/** SIGTERM (App Service stopping or restarting the app) and SIGINT (Ctrl-C) stop the server gracefully, then exit. */
export function exitOnStopSignals(server: StoppableServer, logger: Logger, graceMs: number): (reason: string) => Promise<void> {
  const stop = gracefulStop(server, logger, graceMs);
  const stopAndExit = (reason: string) => stop(reason).then((code) => process.exit(code));
  // `on`, not `once`: a repeated signal joins the stop under way instead of killing the process mid-answer.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stopAndExit(signal));
  /** For other reasons to stop (a test harness closing stdin). */
  return stopAndExit;
}

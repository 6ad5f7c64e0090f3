import { Logger } from 'pino';
import { Response, Server } from 'restify';
import { errorSummary } from '../../app/delivery/staleCardRefresher';
import { Stores } from '../../ports/stores';
import { HealthStatus, presentHealth } from './presenter';

/**
 * How long /healthz waits for the database. Short: App Service's Health check pings every minute and counts a ping not
 * answered within a minute as failed, and a database that takes seconds to say `select 1` is not serving people either.
 */
export const storePingTimeoutMs = 2_000;

/**
 * GET /healthz, the path App Service's Health check pings (infra/azure.bicep `healthCheckPath`). 200 when the store
 * answers a `select 1` in time; 503 when it cannot be reached (the instance is taken out of the load balancer until it
 * answers again, and replaced after an hour), and 503 while the instance is shutting down. One path does for readiness
 * and liveness: App Service has a single Health check and no separate readiness probe (see README, "Health and restarts").
 */
export function mountHealthRoutes(server: Server, deps: { stores: Pick<Stores, 'ping' | 'describe'>; logger: Logger; draining: () => boolean; pingTimeoutMs?: number }): void {
  const timeoutMs = deps.pingTimeoutMs ?? storePingTimeoutMs;
  // Logged when the answer changes, not on every ping.
  let last: HealthStatus = 'ok';
  const answer = (res: Response, status: HealthStatus, err?: string) => {
    if (status !== last && status !== 'draining') {
      if (status === 'ok') deps.logger.info({ event: 'store_reachable_again' });
      else deps.logger.warn({ event: 'store_unreachable', err });
    }
    if (status !== 'draining') last = status;
    const { httpStatus, body } = presentHealth(status, deps.stores.describe);
    res.setHeader('Cache-Control', 'no-store');
    res.json(httpStatus, body);
  };
  server.get('/healthz', async (_req, res) => {
    if (deps.draining()) return answer(res, 'draining');
    try {
      await deps.stores.ping(timeoutMs);
      answer(res, 'ok');
    } catch (error) {
      answer(res, 'store_unreachable', errorSummary(error));
    }
  });
}

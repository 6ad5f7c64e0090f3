/** What /healthz answers: a stable `status` for people and probes, and which kind of store this instance uses. */
export type HealthStatus = 'ok' | 'store_unreachable' | 'draining';

export interface HealthBody {
  status: HealthStatus;
  /** "SQLite" or "PostgreSQL": never the address or credentials. */
  store: string;
}

/** 200 only when healthy: App Service's Health check treats anything outside 200–299 as a failed ping. */
export function presentHealth(status: HealthStatus, storeDescription: string): { httpStatus: number; body: HealthBody } {
  return { httpStatus: status === 'ok' ? 200 : 503, body: { status, store: storeDescription.split(' ')[0] ?? '' } };
}

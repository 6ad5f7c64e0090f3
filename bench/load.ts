import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { LoadJob, LoadResult as ClientResult } from './loadClient';

/** What the client saw, plus the CPU time this process (the servers under test) spent meanwhile. */
export interface LoadResult extends ClientResult {
  serverCpuMs: number;
}

export interface PhaseStats {
  requests: number;
  rps: number;
  /** Server CPU per request: steadier than req/s when other work shares the machine. */
  cpuMsPerRequest: number;
  p50Ms: number;
  p99Ms: number;
  non200: number;
}

/** Drives load from a separate process; jobs run one at a time. */
export class LoadClient {
  private constructor(private readonly child: ChildProcess) {}

  static start(): LoadClient {
    // fork reuses this process's execArgv, so the child is loaded by tsx as well.
    return new LoadClient(fork(join(__dirname, 'loadClient.ts'), [], { stdio: 'inherit' }));
  }

  run(job: LoadJob): Promise<LoadResult> {
    const cpuBefore = process.cpuUsage();
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load client exited (code ${code}) during a run`));
      this.child.once('exit', onExit);
      this.child.once('message', (result) => {
        this.child.off('exit', onExit);
        const cpu = process.cpuUsage(cpuBefore);
        resolve({ ...(result as ClientResult), serverCpuMs: (cpu.user + cpu.system) / 1000 });
      });
      this.child.send(job);
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

export function statsOf(result: LoadResult): PhaseStats {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    rps: sorted.length / (result.elapsedMs / 1000),
    cpuMsPerRequest: result.serverCpuMs / Math.max(1, sorted.length),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    non200: result.statuses.filter((s) => s !== 200).length,
  };
}

/** Several passes as one: requests and time add up, latencies are pooled. */
export function combined(results: readonly LoadResult[]): LoadResult {
  return {
    elapsedMs: results.reduce((sum, r) => sum + r.elapsedMs, 0),
    serverCpuMs: results.reduce((sum, r) => sum + r.serverCpuMs, 0),
    latenciesMs: results.flatMap((r) => r.latenciesMs),
    statuses: results.flatMap((r) => r.statuses),
    responses: results.flatMap((r) => r.responses),
  };
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

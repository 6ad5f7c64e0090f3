import { readFileSync } from 'node:fs';
import { Pool } from 'pg';

/**
 * CPU time of the PostgreSQL server processes serving the bot, when the server runs on this machine: it shares the
 * CPUs with the bot, so its work per sign-up costs throughput as surely as the bot's own. The bot's connections are
 * told apart by their application_name; each one's on-CPU time comes from /proc/<pid>/schedstat (nanoseconds).
 */
export class PostgresCpu {
  private constructor(
    private readonly admin: Pool,
    private readonly applicationName: string,
  ) {}

  /** `url` with an application_name that marks the bot's connections. */
  static tagged(url: string, runTag: string): { url: string; applicationName: string } {
    const applicationName = `clpl-bench-${runTag}`;
    const parsed = new URL(url);
    parsed.searchParams.set('application_name', applicationName);
    return { url: parsed.toString(), applicationName };
  }

  static watch(adminUrl: string, applicationName: string): PostgresCpu {
    return new PostgresCpu(new Pool({ connectionString: adminUrl, max: 1 }), applicationName);
  }

  /** Server CPU ms spent for the bot during `work`, or null when the server's processes cannot be seen from here. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number | null }> {
    const before = await this.cpuByBackend();
    const result = await work();
    const after = await this.cpuByBackend();
    if (!before || !after) return { result, cpuMs: null };
    let ns = 0;
    for (const [pid, total] of after) ns += total - (before.get(pid) ?? 0);
    return { result, cpuMs: ns / 1e6 };
  }

  close(): Promise<void> {
    return this.admin.end();
  }

  private async cpuByBackend(): Promise<Map<number, number> | null> {
    const { rows } = await this.admin.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [this.applicationName]);
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        cpu.set(pid, Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]));
      } catch {
        return null; // another machine, or not allowed to look
      }
    }
    return cpu;
  }
}

import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * The load generator, run as a child process (see load.ts) so that building requests and reading responses does not
 * take CPU from the server being measured. It POSTs prepared bodies with a fixed number in flight.
 */
export interface LoadJob {
  url: string;
  bodies: string[];
  concurrency: number;
}

export interface LoadResult {
  elapsedMs: number;
  /** Per request, in the order of `bodies`. */
  latenciesMs: number[];
  statuses: number[];
  responses: string[];
}

async function drive(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const total = job.bodies.length;
  const result: LoadResult = { elapsedMs: 0, latenciesMs: new Array(total), statuses: new Array(total), responses: new Array(total) };
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const started = performance.now();
      const { status, text } = await post(agent, job.url, job.bodies[i]!);
      result.latenciesMs[i] = performance.now() - started;
      result.statuses[i] = status;
      result.responses[i] = text;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(job.concurrency, total) }, lane));
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  return result;
}

/** Resolves with status 0 on a network error, so one failure is counted rather than ending the run. */
function post(agent: Agent, url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ status: 0, text: String(error) }));
    });
    req.on('error', (error) => resolve({ status: 0, text: String(error) }));
    req.end(body);
  });
}

process.on('message', (job: LoadJob) => {
  void drive(job).then((result) => process.send?.(result));
});
process.on('disconnect', () => process.exit(0));

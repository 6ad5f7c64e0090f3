import pino from 'pino';
import { Writable } from 'node:stream';
import { gracefulStop, StoppableServer } from '../bot/shutdown';

/** A logger whose JSON lines the test can read. */
function capturingLogger(): { logger: pino.Logger; events: () => Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), events: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

function fakeServer(close: () => Promise<void>): StoppableServer & { aborted: number; closes: number } {
  const server = {
    aborted: 0,
    closes: 0,
    close: () => {
      server.closes++;
      return close();
    },
    abort: () => void server.aborted++,
    requestsInFlight: () => 3,
  };
  return server;
}

describe('a graceful stop', () => {
  it('exits 0 and says so last once the server has closed', async () => {
    const { logger, events } = capturingLogger();
    const server = fakeServer(() => new Promise((resolve) => setTimeout(resolve, 20)));
    await expect(gracefulStop(server, logger, 1_000)('SIGTERM')).resolves.toBe(0);
    expect(server.aborted).toBe(0);
    expect(events().map((e) => e.event)).toEqual(['shutting_down', 'shut_down']);
    expect(events()[0]).toMatchObject({ reason: 'SIGTERM', graceMs: 1_000, requestsInFlight: 3 });
  });

  it('cuts off what is left when the grace period runs out, says what it cut off, and exits 1', async () => {
    const { logger, events } = capturingLogger();
    const server = fakeServer(() => new Promise(() => undefined));
    await expect(gracefulStop(server, logger, 50)('SIGTERM')).resolves.toBe(1);
    expect(server.aborted).toBe(1);
    expect(events().at(-1)).toMatchObject({ event: 'shutdown_grace_exceeded', graceMs: 50, requestsInFlight: 3 });
  });

  it('exits 1 when closing fails', async () => {
    const { logger, events } = capturingLogger();
    const server = fakeServer(() => Promise.reject(new Error('disk gone')));
    await expect(gracefulStop(server, logger, 1_000)('SIGINT')).resolves.toBe(1);
    expect(events().at(-1)).toMatchObject({ event: 'shutdown_failed', err: 'Error: disk gone' });
  });

  it('a second signal joins the stop under way instead of starting another', async () => {
    const { logger } = capturingLogger();
    const server = fakeServer(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const stop = gracefulStop(server, logger, 1_000);
    const [first, second] = await Promise.all([stop('SIGINT'), stop('SIGINT')]);
    expect([first, second]).toEqual([0, 0]);
    expect(server.closes).toBe(1);
  });
});

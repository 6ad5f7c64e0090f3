import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import * as restify from 'restify';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../../bot/config';
import { mountHealthRoutes } from '../../bot/http/health/routes';
import { RunningServer, startServer } from '../../bot/server';
import { describeWithPostgres, PostgresTestDatabase, TestSchema } from '../support/postgres';
import { TcpProxy } from '../support/tcpProxy';

/**
 * GET /healthz is what App Service's Health check pings: 2xx keeps an instance in the load balancer, anything else
 * takes it out. It answers from a real round trip to the store, quickly, on both stores.
 */
async function health(url: string): Promise<{ status: number; body: { status: string; store: string }; ms: number; cacheControl: string | null }> {
  const started = Date.now();
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: (await response.json()) as { status: string; store: string }, ms: Date.now() - started, cacheControl: response.headers.get('cache-control') };
}

function startWith(env: Record<string, string>): Promise<RunningServer> {
  return startServer(loadConfig({ CLPL_LOCAL: '1', PORT: '0', ...env }), pino({ level: 'silent' }), { cardSettleMs: 10 });
}

describe('/healthz on the embedded SQLite store', () => {
  let server: RunningServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('answers 200 while the store answers, and 503 once it cannot', async () => {
    server = await startWith({ SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'clpl-health-')), 'clpl.sqlite') });
    expect(await health(server.url)).toMatchObject({ status: 200, body: { status: 'ok', store: 'SQLite' }, cacheControl: 'no-store' });

    await server.stores.close();
    expect(await health(server.url)).toMatchObject({ status: 503, body: { status: 'store_unreachable', store: 'SQLite' } });
  });
});

describeWithPostgres('/healthz on PostgreSQL', (database: PostgresTestDatabase) => {
  let schema: TestSchema | null = null;
  let proxy: TcpProxy | null = null;
  let server: RunningServer | null = null;
  beforeEach(async () => {
    schema = await database.createSchema();
    proxy = await TcpProxy.forUrl(schema.url).start();
    server = await startWith({ DATABASE_URL: proxy.proxied(schema.url) });
  });
  afterEach(async () => {
    proxy?.restore();
    await server?.close();
    await proxy?.stop();
    await schema?.drop();
  });

  it('answers 503 within seconds when the server stops answering, without leaving the pool stuck, and 200 once it answers again', async () => {
    expect(await health(server!.url)).toMatchObject({ status: 200, body: { status: 'ok', store: 'PostgreSQL' } });

    proxy!.stall();
    // More pings at once than the pool has connections: each gives up on its own connection instead of waiting for one.
    const whileStalled = await Promise.all(Array.from({ length: 12 }, () => health(server!.url)));
    for (const answer of whileStalled) {
      expect(answer).toMatchObject({ status: 503, body: { status: 'store_unreachable' } });
      expect(answer.ms).toBeLessThan(5_000);
    }

    proxy!.restore();
    expect(await health(server!.url)).toMatchObject({ status: 200, body: { status: 'ok' } });
    // The app's own queries still find connections.
    await expect(server!.stores.schools.listSchools()).resolves.toEqual([]);
  });

  it('answers 503 when the connections are cut and new ones refused, and recovers without a restart', async () => {
    expect((await health(server!.url)).status).toBe(200);
    proxy!.cut();
    expect(await health(server!.url)).toMatchObject({ status: 503, body: { status: 'store_unreachable' } });
    proxy!.restore();
    expect(await health(server!.url)).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

describe('/healthz while the instance shuts down', () => {
  it('answers 503 "draining" without asking the store, so a load balancer stops sending it people', async () => {
    const server = restify.createServer();
    let pinged = 0;
    const stores = { describe: 'SQLite file x.sqlite', ping: async () => void pinged++ };
    let draining = false;
    mountHealthRoutes(server, { stores, logger: pino({ level: 'silent' }), draining: () => draining });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await health(url)).toMatchObject({ status: 200, body: { status: 'ok' } });
      draining = true;
      expect(await health(url)).toMatchObject({ status: 503, body: { status: 'draining', store: 'SQLite' } });
      expect(pinged).toBe(1);
    } finally {
      server.close();
    }
  });
});

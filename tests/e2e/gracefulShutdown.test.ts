import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, IncomingHttpHeaders, request } from 'node:http';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialiseAddress } from '../../bot/adapters/teams/addresses';
import { openSqliteStores } from '../../bot/adapters/sqlite/openSqliteStores';
import { BotConnectorStandIn } from '../support/botConnectorStandIn';
import { Instance, startInstance } from '../support/instances';
import { member, personalMessage, TeamsWorld } from '../support/teamsActivities';

/**
 * App Service stops or restarts an instance with SIGTERM. A real server process is stopped while people's messages
 * are being answered (each answer waits on a slow Bot Connector) and a notice is being sent: everything already under
 * way is finished, nothing is cut off, and the process says so and exits 0 within its grace period.
 */
const graceSeconds = 10;
const keepAliveConnections = 20;
const slowRequests = 8;

const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request on the given keep-alive agent; rejects with the socket's error (ECONNRESET, ECONNREFUSED…). */
function send(agent: Agent | undefined, url: string, method: 'GET' | 'POST', body?: object): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = request(url, { method, agent, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => (res.complete ? resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }) : reject(new Error('answer cut short'))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function outboxStatuses(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('select recipient_id, status from outbox').all() as Array<{ recipient_id: string; status: string }>;
    return Object.fromEntries(rows.map((r) => [r.recipient_id, r.status]));
  } finally {
    db.close();
  }
}

describe('stopping a server (SIGTERM) while it is busy', () => {
  let dir = '';
  let connector: BotConnectorStandIn | null = null;
  let instance: Instance | null = null;
  afterEach(async () => {
    await instance?.stop(1_000);
    await connector?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers every request in flight, closes keep-alive connections without a reset, finishes the notice it was sending, logs and exits 0', async () => {
    // Replies to people wait 2 s at the connector, the notice 4 s: both are still under way when the signal comes.
    connector = await new BotConnectorStandIn({
      delayMs: (call) => (call.method !== 'POST' ? 0 : call.conversationId === 'a:personal-held' ? 4_000 : call.path.includes('/activities') ? 2_000 : 0),
    }).start();
    dir = mkdtempSync(join(tmpdir(), 'clpl-shutdown-'));
    const file = join(dir, 'clpl.sqlite');
    const stores = await openSqliteStores(file);
    for (const who of ['held', 'later']) {
      const reference = { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: `a:personal-${who}`, conversationType: 'personal' }, bot: { id: '28:clpl-bot' }, user: { id: `29:${who}` } };
      await stores.addresses.save({ kind: 'person', personId: who }, serialiseAddress({ kind: 'conversation', reference: reference as never }));
    }
    const notice = { kind: 'waitlist_promotion' as const, offerId: 'offer-1', offerTitle: 'Restorative practice', startsAt: '2030-01-10T15:45:00.000Z', timeZone: 'Europe/London' };
    const enqueue = (who: string) => stores.offers.transaction((tx) => tx.enqueueNotice({ idempotencyKey: `promotion:${who}`, schoolId: 'school-1', recipientId: who, notice }, new Date()));

    instance = await startInstance({
      CLPL_LOCAL: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      SQLITE_FILE: file,
      LOG_LEVEL: 'info',
      CLPL_OUTBOX_POLL_SECONDS: '0.1',
      CLPL_SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
    });
    const url = instance.url;
    const world: TeamsWorld = { serviceUrl: connector.url, tenantId: 'tenant-1', botId: '28:clpl-bot', team: { id: '19:team', name: 'Staff' } };

    // Twenty open keep-alive connections, each watched for a reset.
    const agent = new Agent({ keepAlive: true, maxSockets: keepAliveConnections });
    const warmUps = await Promise.all(Array.from({ length: keepAliveConnections }, () => send(agent, `${url}/healthz`, 'GET')));
    expect(warmUps.map((a) => a.status)).toEqual(Array(keepAliveConnections).fill(200));
    const sockets = Object.values(agent.freeSockets).flat() as Socket[];
    expect(sockets).toHaveLength(keepAliveConnections);
    const socketErrors: string[] = [];
    const closed: boolean[] = [];
    for (const socket of sockets) {
      socket.on('error', (error: NodeJS.ErrnoException) => socketErrors.push(error.code ?? error.message));
      socket.on('close', (hadError) => closed.push(hadError));
    }

    // A notice taken by the outbox worker and being sent…
    await enqueue('held');
    await until(() => connector!.sentTo('a:personal-held').length === 1, 'the notice to be on its way');
    // …and eight people's messages, each being answered.
    const people = Array.from({ length: slowRequests }, (_, i) => member(`shutdown-${i}`));
    const answers = people.map((person) => send(agent, `${url}/api/messages`, 'POST', personalMessage(world, person, 'help')).catch((error: NodeJS.ErrnoException) => error));
    await until(() => people.every((p) => connector!.sentTo(`a:personal-${p.aadObjectId}`).length > 0), 'every reply to be on its way');

    const signalledAt = Date.now();
    instance.signal('SIGTERM');
    await until(() => instance!.stderr().includes('"event":"shutting_down"'), 'the shutdown to begin');
    // Nothing new: no new connection is accepted, and a notice queued now waits for the next instance.
    await expect(send(undefined, `${url}/healthz`, 'GET')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await enqueue('later');

    const settled = await Promise.all(answers);
    const { code, signal } = await instance.exited;
    const stoppedAfterMs = Date.now() - signalledAt;

    for (const answer of settled) {
      expect(answer).not.toBeInstanceOf(Error);
      const { status, headers } = answer as Answer;
      expect(status).toBe(200);
      // Told to close, so the client does not send another request on a connection about to go.
      expect(headers.connection).toBe('close');
    }
    expect(socketErrors).toEqual([]);
    await until(() => closed.length === keepAliveConnections, 'every keep-alive connection to close', 2_000);
    expect(closed.every((hadError) => !hadError)).toBe(true);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stoppedAfterMs).toBeLessThan(graceSeconds * 1000);

    // The notice it held was sent and recorded; the one queued after the signal was left for the next instance.
    expect(connector.sentTo('a:personal-held')).toHaveLength(1);
    expect(connector.sentTo('a:personal-later')).toHaveLength(0);
    await stores.close();
    expect(outboxStatuses(file)).toEqual({ held: 'sent', later: 'pending' });

    // Log lines are JSON; Node's own warnings are not.
    const lines = instance.stderr().trim().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { event?: string; reason?: string });
    expect(lines.at(-1)).toMatchObject({ event: 'shut_down', reason: 'SIGTERM' });
    agent.destroy();
  });
});

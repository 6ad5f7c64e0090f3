import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { serialiseAddress } from '../bot/adapters/teams/addresses';
import { loadConfig } from '../bot/config';
import { startServer } from '../bot/server';
import { BotConnectorStandIn, teamsLimits } from '../tests/support/botConnectorStandIn';

/**
 * Time for N reminders to N people through a Bot Connector stand-in that enforces Teams' limits (answering 429 past
 * them), against the least time those limits allow. Target: at least 90% of the allowed rate, and no 429 caused by
 * our own bursts. A benchmark reports; it exits 0 unless something crashed.
 *
 *   npm run bench:reminders -- [--people 1000]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '1000' } } });
  const people = Number(values.people);
  const connector = await new BotConnectorStandIn({ enforceLimits: true }).start();
  const config = loadConfig({ CLPL_LOCAL: '1', PORT: '0', LOG_LEVEL: 'silent', SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'clpl-bench-')), 'clpl.sqlite') });
  const server = await startServer(config, pino({ level: 'silent' }));
  try {
    const notice = { kind: 'session_reminder' as const, offerId: 'o', offerTitle: 'Digital literacy', startsAt: '2030-01-10T15:45:00.000Z', timeZone: 'Europe/London', location: 'Library', onlineLink: null };
    for (let i = 0; i < people; i++) {
      const reference = { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: `a:chat-${i}`, conversationType: 'personal', tenantId: 'tenant-1' }, bot: { id: '28:clpl-bot' }, user: { id: `29:${i}` } };
      await server.stores.addresses.save({ kind: 'person', personId: `person-${i}` }, serialiseAddress({ kind: 'conversation', reference: reference as never }));
    }
    await server.stores.offers.transaction(async (tx) => {
      for (let i = 0; i < people; i++) {
        await tx.enqueueNotice({ idempotencyKey: `reminder:${i}`, schoolId: 'school-1', recipientId: `person-${i}`, notice }, new Date());
      }
    });

    const started = Date.now();
    await server.settle();
    const seconds = (Date.now() - started) / 1000;

    const tenantLimit = teamsLimits.perTenant[0]!;
    // The first `limit` may go at once; every further `limit` needs another window.
    const minimumSeconds = (Math.max(0, people - tenantLimit.limit) / tenantLimit.limit) * (tenantLimit.windowMs / 1000);
    const delivered = new Set(connector.calls.filter((c) => c.method === 'POST' && c.conversationId?.startsWith('a:chat-')).map((c) => c.conversationId)).size;
    const ratio = minimumSeconds / seconds;
    const pass = ratio >= 0.9 && connector.throttled.length === 0 && delivered === people;
    process.stdout.write(
      [
        '',
        `Reminders through a stand-in enforcing Teams' limits (${tenantLimit.limit} requests/s per tenant)`,
        `delivered             ${delivered} of ${people}`,
        `429s from our bursts  ${connector.throttled.length}`,
        `took                  ${seconds.toFixed(1)} s   (the limits allow no less than ${minimumSeconds.toFixed(1)} s)`,
        `rate vs allowed       ${(ratio * 100).toFixed(0)}%   target ≥ 90% with no 429: ${pass ? 'PASS' : 'FAIL'}`,
        '',
      ].join('\n'),
    );
  } finally {
    await server.close();
    await connector.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

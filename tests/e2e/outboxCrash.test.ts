import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../bot/adapters/sqlite/openSqliteStores';
import { serialiseAddress } from '../../bot/adapters/teams/addresses';
import Database from 'better-sqlite3';
import { Stores } from '../../bot/ports/stores';
import { BotConnectorStandIn } from '../support/botConnectorStandIn';
import { Instance, startInstance } from '../support/instances';

const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('the notice outbox across a crash', () => {
  let connector: BotConnectorStandIn;
  let stores: Stores;
  const instances: Instance[] = [];
  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.stop(1_000);
    await stores?.close();
    await connector?.stop();
  });

  it('a worker killed between sending and recording: after a restart nothing is lost and nothing is sent twice', async () => {
    let crashing: Instance | undefined;
    connector = await new BotConnectorStandIn({
      intercept: (call) => {
        // The stand-in has received (delivered) the message; the worker dies before it can record that.
        if (call.conversationId === 'a:personal-crash' && crashing) {
          process.kill(crashing.pid, 'SIGKILL');
          crashing = undefined;
        }
        return undefined;
      },
    }).start();
    const file = join(mkdtempSync(join(tmpdir(), 'clpl-outbox-')), 'clpl.sqlite');
    stores = await openSqliteStores(file);
    for (const who of ['crash', 'calm']) {
      const reference = { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: `a:personal-${who}`, conversationType: 'personal' }, bot: { id: '28:clpl-bot' }, user: { id: `29:${who}` } };
      await stores.addresses.save({ kind: 'person', personId: who }, serialiseAddress({ kind: 'conversation', reference: reference as never }));
    }
    const notice = { kind: 'waitlist_promotion' as const, offerId: 'offer-1', offerTitle: 'Restorative practice', startsAt: '2030-01-10T15:45:00.000Z', timeZone: 'Europe/London' };
    await stores.offers.transaction(async (tx) => {
      await tx.enqueueNotice({ idempotencyKey: 'promotion:crash', schoolId: 'school-1', recipientId: 'crash', notice }, new Date());
      await tx.enqueueNotice({ idempotencyKey: 'promotion:calm', schoolId: 'school-1', recipientId: 'calm', notice }, new Date());
    });

    const settings = { CLPL_LOCAL: '1', PORT: '0', SQLITE_FILE: file, LOG_LEVEL: 'warn', CLPL_OUTBOX_POLL_SECONDS: '0.1', CLPL_OUTBOX_LEASE_SECONDS: '1' };
    const first = await startInstance(settings);
    instances.push(first);
    crashing = first;
    await until(() => crashing === undefined);

    const second = await startInstance(settings);
    instances.push(second);
    await until(() => connector.sentTo('a:personal-calm').length === 1);
    await until(async () => (await statuses(file)).crash === 'uncertain');
    await new Promise((r) => setTimeout(r, 1_500));

    expect(connector.sentTo('a:personal-crash')).toHaveLength(1);
    expect(connector.sentTo('a:personal-calm')).toHaveLength(1);
    expect(await statuses(file)).toEqual({ crash: 'uncertain', calm: 'sent' });
  });
});

/** Reads the outbox as an operator would, outside the app. */
async function statuses(file: string): Promise<Record<string, string>> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('select recipient_id, status from outbox').all() as Array<{ recipient_id: string; status: string }>;
    return Object.fromEntries(rows.map((r) => [r.recipient_id, r.status]));
  } finally {
    db.close();
  }
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { GraphAppInstaller } from '../../../bot/adapters/graph/graphAppInstaller';
import { createGraphClient } from '../../../bot/adapters/graph/graphClient';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { NoticeDelivery } from '../../../bot/app/delivery/noticeDelivery';
import { ReachOut } from '../../../bot/app/delivery/reachOut';
import { Messenger, RecipientUnreachable } from '../../../bot/ports/messenger';
import { AppInstaller } from '../../../bot/ports/reachability';
import { Stores } from '../../../bot/ports/stores';
import { FakeClock } from '../../factories/dependencies';
import { schoolId } from '../../factories/offers';
import { GraphInstallStandIn } from '../../support/graphInstallStandIn';

const notice = { kind: 'waitlist_promotion' as const, offerId: 'offer-1', offerTitle: 'Phonics', startsAt: '2030-01-01T09:00:00.000Z', timeZone: 'Europe/London' };
const MINUTE = 60_000;

/** Unreachable until the app is "installed" for them and Teams has handed over their chat. */
class InstallAwareMessenger implements Messenger {
  readonly reachable = new Set<string>();
  readonly delivered: string[] = [];
  async sendNotice(recipientId: string): Promise<void> {
    if (!this.reachable.has(recipientId)) throw new RecipientUnreachable('the app is not installed for this person and they have not been seen in a team');
    this.delivered.push(recipientId);
  }
}

describe('reaching someone the app is not installed for', () => {
  let stores: Stores;
  let graph: GraphInstallStandIn;
  const clock = new FakeClock(new Date('2026-12-02T10:00:00Z'));
  const messenger = new InstallAwareMessenger();

  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-reach-')), 'clpl.sqlite'));
    graph = await new GraphInstallStandIn().start();
    messenger.reachable.clear();
    messenger.delivered.length = 0;
  });
  afterEach(async () => {
    await stores.close();
    await graph.stop();
  });

  function delivery(installer: AppInstaller | null) {
    const logger = pino({ level: 'silent' });
    const reachOut = new ReachOut({ reachability: stores.reachability, installer, clock, logger }, { retryEveryMs: MINUTE, waitForInstallMs: 5 * MINUTE });
    return new NoticeDelivery({ outbox: stores.outbox, messenger, clock, logger, reachOut }, { batchSize: 10, leaseMs: MINUTE, sendLeaseMs: MINUTE, maxAttempts: 8, pollMs: 60_000 });
  }

  const graphInstaller = () => new GraphAppInstaller({ client: createGraphClient({ baseUrl: graph.url, getToken: async () => graph.token, maxRetries: 0 }), catalogAppId: 'catalog-app-1' });

  async function queue(recipientId: string, key = `promotion:${recipientId}`) {
    await stores.offers.transaction((tx) => tx.enqueueNotice({ idempotencyKey: key, schoolId, recipientId, notice }, clock.now()));
  }

  async function outboxStatus(key: string) {
    const due = await stores.outbox.claimDue(new Date('2100-01-01'), 10, 1);
    return due.find((n) => n.idempotencyKey === key) ? 'pending' : 'finished';
  }

  it('installs the app through Graph once, and delivers the notice when Teams has given the bot their chat', async () => {
    const deliver = delivery(graphInstaller());
    await queue('person-1');
    await deliver.deliverNow();
    expect(graph.installs.map((i) => i.userId)).toEqual(['person-1']);
    expect(messenger.delivered).toEqual([]);

    clock.advance(MINUTE);
    await deliver.deliverNow();
    expect(graph.installs).toHaveLength(1);

    messenger.reachable.add('person-1'); // the installationUpdate arrived with the conversation reference
    clock.advance(MINUTE);
    await deliver.deliverNow();
    expect(messenger.delivered).toEqual(['person-1']);
    expect(await stores.reachability.unreachableIn(schoolId)).toEqual([]);
  });

  it('records the person as unreachable when Graph refuses to install', async () => {
    graph.statusFor.set('person-2', 403);
    await queue('person-2');
    await delivery(graphInstaller()).deliverNow();
    const [listed] = await stores.reachability.unreachableIn(schoolId);
    expect(listed?.reason).toContain('HTTP 403');
    expect(await outboxStatus('promotion:person-2')).toBe('finished');
  });

  it('gives up and records the person when the installation brings no address in time', async () => {
    const deliver = delivery(graphInstaller());
    await queue('person-3');
    await deliver.deliverNow();
    clock.advance(6 * MINUTE);
    await deliver.deliverNow();
    const [listed] = await stores.reachability.unreachableIn(schoolId);
    expect(listed?.reason).toContain('the app was installed for them');
    expect(await outboxStatus('promotion:person-3')).toBe('finished');
  });

  it('without Graph configured records the person at once, with the reason', async () => {
    await queue('person-4');
    await delivery(null).deliverNow();
    const [listed] = await stores.reachability.unreachableIn(schoolId);
    expect(listed?.reason).toContain('automatic installation is not configured');
    expect(await outboxStatus('promotion:person-4')).toBe('finished');
  });
});

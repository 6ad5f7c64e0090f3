import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { channelCardAction, member, sendToBot } from '../support/teamsActivities';
import { createOfferThroughCard, setUpSchool, startTestbed, Testbed } from '../support/clplTestbed';

/** Tomorrow at 10:00: with reminders 48 h ahead the reminder is due at once, whatever the time of day. */
function tomorrowMorning() {
  const day = DateTime.now().setZone('Europe/London').plus({ days: 1 }).toISODate()!;
  return { startDate: day, startTime: '10:00', endTime: '11:00', closesDate: day, closesTime: '09:00' };
}

/** Quiet hours off ('00:00-00:00' is an empty window) so the test does not depend on when it runs. */
const env = (file: string) => ({ SQLITE_FILE: file, CLPL_REMINDER_HOURS_BEFORE: '48', CLPL_QUIET_HOURS: '00:00-00:00', CLPL_QUIET_WEEKENDS: 'false' });

function remindersIn(bed: Testbed): string[] {
  return bed.connector.calls
    .filter((c) => c.method === 'POST' && c.path.includes('/activities'))
    .map((c) => JSON.stringify(c.body?.attachments?.[0]?.content ?? {}))
    .filter((text) => text.includes('Reminder: '));
}

describe('reminders before a session', () => {
  const beds: Testbed[] = [];
  afterEach(async () => {
    for (const bed of beds.splice(0)) await bed.close().catch(() => undefined);
  });

  it('a confirmed attendee is reminded once, and the job does not fire again after a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clpl-reminders-')), 'clpl.sqlite');
    const first = await startTestbed({ env: env(file) });
    beds.push(first);
    await setUpSchool(first);
    const { offerId, card } = await createOfferThroughCard(first, { ...tomorrowMorning(), capacity: '5' });
    const attendee = member('rem-1', 'Rory Reminded');
    await sendToBot(first.server.url, channelCardAction(first.world, attendee, card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    await first.server.settle();

    const reminders = remindersIn(first);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('You are confirmed for this CLPL session.');

    await first.server.close();
    const second = await startTestbed({ env: env(file) });
    beds.push(second);
    await second.server.settle();
    expect(remindersIn(first)).toHaveLength(1);
    expect(remindersIn(second)).toHaveLength(0);
  });

  it('a job that fell due while the server was down runs when it starts again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clpl-reminders-')), 'clpl.sqlite');
    const first = await startTestbed({ env: env(file) });
    beds.push(first);
    await setUpSchool(first);
    const { offerId, card } = await createOfferThroughCard(first, { ...tomorrowMorning(), capacity: '5' });
    await sendToBot(first.server.url, channelCardAction(first.world, member('rem-2'), card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    await first.server.close();
    expect(remindersIn(first)).toHaveLength(0);

    const second = await startTestbed({ env: env(file) });
    beds.push(second);
    await second.server.settle();
    expect(remindersIn(first)).toHaveLength(1);
  });
});

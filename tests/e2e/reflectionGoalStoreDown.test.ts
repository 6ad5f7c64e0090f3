import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import { loadConfig } from '../../bot/config';
import { startServer } from '../../bot/server';
import { GoalStore } from '../../bot/ports/goalStore';
import { BotConnectorStandIn } from '../support/botConnectorStandIn';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, setUpSchool, slt, team, Testbed } from '../support/clplTestbed';
import { channelMention, member, personalCardAction, personalMessage, sendToBot } from '../support/teamsActivities';
import { FakeClock } from '../factories';

const mia = member('mia', 'Mia Manager');
const ailsa = member('ailsa', 'Ailsa Reid');
const text = (card: unknown) => JSON.stringify(card) ?? '';

/** The goal store (a SharePoint list in production) is down: it can be read as empty, but nothing can be added. */
const goalStoreDown: GoalStore = {
  describe: 'down',
  listGoals: async () => [],
  findGoal: async () => undefined,
  createGoal: async () => Promise.reject(new Error('SharePoint unavailable')),
  updateGoal: async () => Promise.reject(new Error('SharePoint unavailable')),
};

describe('submitting a PRD reflection while the goal store is down', () => {
  let bed: Testbed;
  const clock = new FakeClock(new Date('2026-11-24T10:00:00Z'));

  beforeEach(async () => {
    const connector = await new BotConnectorStandIn({ channels: [{ id: team.id }, { id: clplChannel.id, name: clplChannel.name }] }).start();
    const config = loadConfig({
      CLPL_LOCAL: '1',
      PORT: '0',
      SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'clpl-reflection-down-')), 'clpl.sqlite'),
      CLPL_SLT_IDS: slt.aadObjectId,
      CLPL_QUIET_HOURS: '00:00-00:00',
      CLPL_QUIET_WEEKENDS: 'false',
    });
    const server = await startServer(config, pino({ level: 'silent' }), { clock, cardSettleMs: 10, goals: goalStoreDown });
    const world = { serviceUrl: connector.url, tenantId: 'tenant-1', botId: '28:clpl-bot', team };
    bed = { connector, server, world, close: async () => (await server.close(), await connector.stop()) };
  });
  afterEach(() => bed.close());

  it('keeps the reflection and tells the person their next-year focuses could not be added to My goals', async () => {
    const url = bed.server.url;
    await setUpSchool(bed);
    for (const person of [mia, ailsa]) await sendToBot(url, channelMention(bed.world, person, clplChannel, 'help'));
    await sendToBot(url, personalCardAction(bed.world, slt, 'lineManagement.set.v1', { cardVersion: 1, staff: 'Ailsa Reid', manager: 'Mia Manager' }));

    await sendToBot(url, personalMessage(bed.world, mia, 'prompt reflection'));
    const formCall = bed.connector.sentTo(`a:personal-${mia.aadObjectId}`).at(-1)!;
    const dueDate = DateTime.fromJSDate(clock.now()).setZone('Europe/London').plus({ days: 10 }).toISODate()!;
    await sendToBot(url, {
      ...personalCardAction(bed.world, mia, 'reflection.prompt.v1', { cardVersion: 1, staffIds: ailsa.aadObjectId, dueDate, message: '' }),
      replyToId: formCall.responseId,
    });
    await bed.server.settle();
    const [prompt] = await bed.server.stores.reflections.promptsFor(ailsa.aadObjectId);

    const submitted = await sendToBot(
      url,
      personalCardAction(bed.world, ailsa, 'reflection.save.v1', {
        cardVersion: 1,
        promptId: prompt!.id,
        submit: 'true',
        goals: '[]',
        impactfulLearning: 'The questioning CLPL.',
        howYouKnow: 'Exit tickets.',
        nextYearFocus: 'Feedback in S1 maths\nOutdoor learning',
        standardAreas: '0',
      }),
    );

    expect(submitted.status).toBe(200);
    expectValidAdaptiveCard(submitted.body.value);
    expect(text(submitted.body.value)).toContain('Reflection submitted');
    expect(text(submitted.body.value)).toContain('2 next-year focuses were not added to My goals');
    expect((await bed.server.stores.reflections.findReflection(prompt!.id))?.status).toBe('submitted');
  });
});

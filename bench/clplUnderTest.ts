import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import { loadConfig } from '../bot/config';
import { RunningServer, startServer } from '../bot/server';
import { BotConnectorStandIn } from '../tests/support/botConnectorStandIn';
import { botAddedToTeam, channelCardAction, channelMention, Member, member, personalCardAction, personalMessage, sendToBot, TeamsWorld } from '../tests/support/teamsActivities';

export type StoreChoice = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

export interface PostedOffer {
  offerId: string;
  title: string;
  capacity: number;
  cardRef: { channelId: string; channelName: string; activityId: string };
}

export interface ClplUnderTest {
  server: RunningServer;
  url: string;
  describeStore: string;
  setUpSchoolWithChannel(): Promise<void>;
  createOffer(title: string, capacity: number): Promise<PostedOffer>;
  /** The exact JSON Teams would POST when `person` presses "Sign up" on the offer's channel card. */
  signUpBody(offer: PostedOffer, person: Member): string;
  close(): Promise<void>;
}

const slt = member('bench-slt', 'Morag SLT');

/** The real bot, set up through its own endpoint the way tests/e2e/signUpJourney.test.ts does it. */
export async function startClpl(store: StoreChoice, runTag: string): Promise<ClplUnderTest> {
  // Ids carry the run's tag so that repeated runs against one PostgreSQL database do not meet each other's rows.
  const team = { id: `19:bench-team-${runTag}@thread.tacv2`, name: 'Bench High Staff' };
  const channel = { id: `19:bench-clpl-${runTag}@thread.tacv2`, name: 'Bench CLPL' };
  const connector = await new BotConnectorStandIn({ channels: [{ id: team.id }, channel] }).start();
  const world: TeamsWorld = { serviceUrl: connector.url, tenantId: 'tenant-bench', botId: '28:clpl-bot', team };

  const sqliteDir = store.kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'clpl-bench-')) : null;
  const storeEnv = store.kind === 'postgres' ? { DATABASE_URL: store.url } : { SQLITE_FILE: join(sqliteDir!, 'clpl.sqlite') };
  const config = loadConfig({ CLPL_LOCAL: '1', PORT: '0', LOG_LEVEL: 'silent', CLPL_SLT_IDS: slt.aadObjectId, ...storeEnv });
  let server: RunningServer;
  try {
    server = await startServer(config, pino({ level: 'silent' }));
  } catch (error) {
    await connector.stop();
    throw error;
  }
  const send = async (what: string, activity: object) => {
    const response = await sendToBot(server.url, activity);
    if (response.status !== 200) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };

  return {
    server,
    url: `${server.url}/api/messages`,
    describeStore: server.stores.describe,

    async setUpSchoolWithChannel() {
      await send('install in team', botAddedToTeam(world, slt));
      await send('use this channel', channelMention(world, slt, channel, 'use this channel'));
      if (!textOf(connector.sentTo(channel.id).at(-1)?.body).includes('CLPL offers will now be posted in')) {
        throw new Error('"use this channel" was not confirmed in the channel');
      }
      await send('new offer', personalMessage(world, slt, 'new offer'));
    },

    async createOffer(title, capacity) {
      const created = await send('create offer', personalCardAction(world, slt, 'offer.create.v1', offerForm(title, capacity)));
      if (!textOf(created.body?.value).includes('Offer posted')) throw new Error(`create offer "${title}": ${textOf(created.body)}`);
      const posted = connector.sentTo(channel.id).filter((c) => textOf(cardOf(c)).includes(title)).at(-1);
      const signUpAction = cardOf(posted ?? { body: null })?.actions?.find((a: any) => a.verb === 'offer.signUp.v1');
      if (!posted?.responseId || !signUpAction) throw new Error(`the card for "${title}" was not posted to the channel`);
      const cardRef = { channelId: channel.id, channelName: channel.name, activityId: posted.responseId };
      return { offerId: signUpAction.data.offerId as string, title, capacity, cardRef };
    },

    signUpBody(offer, person) {
      return JSON.stringify(channelCardAction(world, person, offer.cardRef, 'offer.signUp.v1', { cardVersion: 1, offerId: offer.offerId }));
    },

    async close() {
      await server.close();
      await connector.stop();
      if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
    },
  };
}

function offerForm(title: string, capacity: number): Record<string, string | number> {
  const london = () => DateTime.now().setZone('Europe/London');
  return {
    cardVersion: 1,
    title,
    description: 'Benchmark offer.',
    facilitator: '',
    facilitatorIsMe: 'true',
    startDate: london().plus({ days: 7 }).toISODate()!,
    startTime: '15:45',
    endTime: '16:45',
    location: 'Room 12',
    onlineLink: '',
    capacity: String(capacity),
    closesDate: london().plus({ days: 6 }).toISODate()!,
    closesTime: '17:00',
    standards: '2',
    priorities: '4',
  };
}

function textOf(value: unknown): string {
  return JSON.stringify(value) ?? '';
}

function cardOf(call: { body: any }): any {
  return call.body?.attachments?.[0]?.content;
}

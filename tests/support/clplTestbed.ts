import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pino, { Logger } from 'pino';
import { loadConfig } from '../../bot/config';
import { Clock } from '../../bot/ports/clock';
import { PeopleDirectory } from '../../bot/ports/peopleDirectory';
import { RunningServer, startServer } from '../../bot/server';
import { BotConnectorStandIn, StandInOptions } from './botConnectorStandIn';
import { botAddedToTeam, channelMention, member, Member, personalCardAction, sendToBot, TeamsWorld } from './teamsActivities';

export const team = { id: '19:team-general@thread.tacv2', name: 'Balerno High Staff' };
export const clplChannel = { id: '19:bal-staff-clpl@thread.tacv2', name: 'BAL-Staff CLPL' };
export const slt = member('slt', 'Morag SLT');

export interface Testbed {
  connector: BotConnectorStandIn;
  server: RunningServer;
  world: TeamsWorld;
  close(): Promise<void>;
}

/** Quiet hours off, so a test does not depend on the time or day of the week it runs. */
export const noQuietHours = { CLPL_QUIET_HOURS: '00:00-00:00', CLPL_QUIET_WEEKENDS: 'false' };

/**
 * The real server (local mode, a fresh SQLite file unless `env` says otherwise) with the Bot Connector stand-in;
 * `clock` lets a test move time on (reminders, feedback requests, due dates); `logger` lets it read what was logged;
 * `people` finds people by email (a GraphPeopleDirectory on the Graph directory stand-in), as CLPL_ORG_DIRECTORY=graph would.
 */
export async function startTestbed(
  options: { env?: Record<string, string>; connector?: StandInOptions; clock?: Clock; logger?: Logger; people?: PeopleDirectory } = {},
): Promise<Testbed> {
  const connector = await new BotConnectorStandIn({
    channels: [{ id: team.id }, { id: clplChannel.id, name: clplChannel.name }],
    ...options.connector,
  }).start();
  const config = loadConfig({
    CLPL_LOCAL: '1',
    PORT: '0',
    SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'clpl-test-')), 'clpl.sqlite'),
    CLPL_SLT_IDS: slt.aadObjectId,
    ...options.env,
  });
  const server = await startServer(config, options.logger ?? pino({ level: 'silent' }), { clock: options.clock, cardSettleMs: 10, people: options.people });
  const world: TeamsWorld = { serviceUrl: connector.url, tenantId: 'tenant-1', botId: '28:clpl-bot', team };
  return {
    connector,
    server,
    world,
    async close() {
      await server.close();
      await connector.stop();
    },
  };
}

/** Installs the app in the team and lets SLT choose the CLPL channel, as a school would on day one. */
export async function setUpSchool(bed: Testbed): Promise<void> {
  await sendToBot(bed.server.url, botAddedToTeam(bed.world, slt));
  await sendToBot(bed.server.url, channelMention(bed.world, slt, clplChannel, 'use this channel'));
}

/** The offer form as Teams submits it: every value a string. */
export function offerFormValues(overrides: Record<string, string> = {}): Record<string, unknown> {
  const inDays = (days: number) => DateTime.now().setZone('Europe/London').plus({ days }).toISODate()!;
  return {
    cardVersion: 1,
    title: 'Questioning for deeper learning',
    description: 'In-house CLPL led by the Maths department.',
    facilitator: '',
    facilitatorIsMe: 'true',
    startDate: inDays(7),
    startTime: '15:45',
    endTime: '16:45',
    location: 'Room 12',
    onlineLink: '',
    capacity: '20',
    closesDate: inDays(6),
    closesTime: '17:00',
    standards: '2',
    priorities: '4',
    ...overrides,
  };
}

export interface PostedOffer {
  offerId: string;
  card: { channelId: string; channelName: string; activityId: string };
}

/** SLT creates an offer through the form card; returns where its card was posted. */
export async function createOfferThroughCard(bed: Testbed, overrides: Record<string, string> = {}, by: Member = slt): Promise<PostedOffer> {
  const before = bed.connector.sentTo(clplChannel.id).length;
  const response = await sendToBot(bed.server.url, personalCardAction(bed.world, by, 'offer.create.v1', offerFormValues(overrides)));
  if (!JSON.stringify(response.body).includes('Offer posted')) throw new Error(`offer was not created: ${JSON.stringify(response.body)}`);
  const posted = bed.connector.sentTo(clplChannel.id).slice(before).find((c) => c.body?.attachments?.[0]);
  if (!posted?.responseId) throw new Error('no offer card reached the channel');
  const card = posted.body.attachments[0].content;
  const offerId = card.actions.find((a: { verb?: string }) => a.verb === 'offer.signUp.v1').data.offerId as string;
  return { offerId, card: { channelId: clplChannel.id, channelName: clplChannel.name, activityId: posted.responseId } };
}

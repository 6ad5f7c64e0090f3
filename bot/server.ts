import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Logger } from 'pino';
import * as restify from 'restify';
import { openPostgresStores } from './adapters/postgres/openPostgresStores';
import { openSqliteStores } from './adapters/sqlite/openSqliteStores';
import { ClplBot } from './adapters/teams/clplBot';
import { botAppIdOf, createBotFramework } from './adapters/teams/cloudAdapter';
import { botEndpoint } from './adapters/teams/inbound/botEndpoint';
import { TeamsMessenger } from './adapters/teams/teamsMessenger';
import { TeamsOfferBoard } from './adapters/teams/teamsOfferBoard';
import { AppDependencies } from './app/dependencies';
import { NoticeDelivery } from './app/delivery/noticeDelivery';
import { ReachOut } from './app/delivery/reachOut';
import { appInstallerFor } from './adapters/graph/appInstallerFor';
import { JobRunner } from './app/delivery/jobRunner';
import { retentionJob } from './app/privacy/retention';
import { isExternalGoalEraser } from './adapters/graph/graphGoalStore';
import { OfferCardRefresher } from './app/delivery/offerCardRefresher';
import { RateLimiter, teamsConversationWindows, teamsTenantWindows } from './app/delivery/rateLimiter';
import { leadershipFromConfig } from './app/leadership';
import { demoSchool } from './localDemo';
import { withdraw } from './app/withdraw';
import { Config } from './config';
import { wireReflections } from './reflectionWiring';
import { trackingPromptDelivery } from './app/reflections/promptDeliveryTracking';
import { lineManagementImports } from './app/reflections/lineManagementImports';
import { mountCalendarRoutes } from './http/calendarRoutes';
import { ConnectionDrain } from './http/connectionDrain';
import { mountHealthRoutes } from './http/health/routes';
import { answerErrorsAsJson, maxBodyBytes } from './http/edgeErrors';
import { mountTab } from './http/mountTab';
import { mountReportRoutes } from './http/reportRoutes';
import { mountRecordLinkRoutes, recordDependencies } from './http/records/routes';
import { mountPrivacyRoutes } from './http/privacy/routes';
import { missingPrivacySettings } from './privacyConfig';
import { GoalStore } from './ports/goalStore';
import { PeopleDirectory } from './ports/peopleDirectory';
import { Clock, systemClock } from './ports/clock';
import { Stores } from './ports/stores';
import { applyGroupsFile } from './app/groups/applyGroupsFile';
import { postAfterGroupsFileChanged } from './app/groupOffers/postGroupOffer';

export interface RunningServer {
  url: string;
  stores: Stores;
  cardRefresher: OfferCardRefresher;
  noticeDelivery: NoticeDelivery;
  jobRunner: JobRunner;
  /** Resolves when background work (card refreshes, notices) has caught up: for tests and graceful shutdown. */
  settle(): Promise<void>;
  /**
   * Stops gracefully: no new connections or background work, /healthz 503, requests in flight answered (with
   * `Connection: close`), work already taken finished, then the store closed. Unbounded: bot/shutdown.ts bounds it.
   */
  close(): Promise<void>;
  /** Ends every connection still open, for when the grace period is over. */
  abort(): void;
  requestsInFlight(): number;
}

export function openStores(config: Config, logger?: Logger): Promise<Stores> {
  if (config.database.kind === 'sqlite') return openSqliteStores(config.database.file);
  return openPostgresStores(config.database.url, { onConnectionError: (error) => logger?.warn({ event: 'database_connection_lost', err: error.message }) });
}

/** The composition root: picks adapters from configuration and serves /api/messages and /healthz. */
export async function startServer(config: Config, logger: Logger, options: { clock?: Clock; cardSettleMs?: number; goals?: GoalStore; people?: PeopleDirectory} = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const stores = await openStores(config, logger);
  const groupsFile = config.groups ? await applyGroupsFile(stores, config.groups, clock.now(), logger) : { applied: false };
  const { adapter, authentication } = createBotFramework(config.botIdentity, logger, config.channelAuth);
  const botAppId = botAppIdOf(config.botIdentity);
  const budgets = {
    conversations: new RateLimiter(teamsConversationWindows, Date.now, undefined, stores.sendSlots.forWindows(teamsConversationWindows)),
    tenants: new RateLimiter(teamsTenantWindows, Date.now, undefined, stores.sendSlots.forWindows(teamsTenantWindows)),
  };
  const board = new TeamsOfferBoard({ adapter, botAppId, addresses: stores.addresses, budgets, clock });
  // A reflection prompt's delivery outcome redraws its tracking card (app.reflections is wired further down).
  const messenger = trackingPromptDelivery(new TeamsMessenger({ adapter, botAppId, addresses: stores.addresses, budgets }), {
    reflections: stores.reflections,
    roundChanged: (roundId) => app.reflections?.trackingChanged(roundId),
  });

  const cardRefresher = new OfferCardRefresher({ offers: stores.offers, offerCards: stores.offerCards, board, learningShares: stores.learningShares, groups: stores.groups, logger, settleMs: options.cardSettleMs ?? 250 });
  const reachOut = new ReachOut(
    { reachability: stores.reachability, installer: appInstallerFor(config.appInstall), clock, logger },
    { retryEveryMs: 60_000, waitForInstallMs: 5 * 60_000 },
  );
  const noticeDelivery = new NoticeDelivery({ outbox: stores.outbox, messenger, clock, logger, reachOut }, { batchSize: 20, leaseMs: config.outboxLeaseMs, sendLeaseMs: config.outboxLeaseMs, maxAttempts: 8, pollMs: config.outboxPollMs });

  const sltBySchool: Record<string, readonly string[]> = { '*': config.sltIds };
  for (const school of config.schools) sltBySchool[school.id] = school.sltIds;
  // The seeded demo school (local mode only) has its own SLT, so its staff see the tab as staff do.
  if (config.localMode) sltBySchool[demoSchool.id] ??= demoSchool.sltIds;
  const schoolsWithoutSltLedByEveryone = config.localMode && config.sltIds.length === 0 && config.schools.length === 0;

  let publicUrl = config.publicUrl;
  const app: AppDependencies = {
    stores,
    clock,
    board,
    leadership: leadershipFromConfig({ sltBySchool, schoolsWithoutSltLedByEveryone }),
    tagCatalogue: config.tagCatalogue,
    newId: randomUUID,
    afterCommit: {
      offerChanged: () => cardRefresher.offerChanged(),
      noticesQueued: () => noticeDelivery.noticesQueued(),
      jobsDue: () => void jobRunner.runDue(),
    },
    quietHours: config.quietHours,
    reminderLeadMs: config.reminderLeadMs,
    approval: config.approval,
    evidence: config.evidence,
    publicUrl: () => publicUrl,
  };
  const jobRunner = new JobRunner({ app, jobs: stores.jobs, logger }, { pollMs: 15_000, leaseMs: 120_000, maxAttempts: 5 });
  const bot = new ClplBot({
    app,
    logger,
    botAppId,
    timeZone: config.timeZone,
    fixedSchoolId: config.fixedSchoolId,
    budgets,
    presetClplChannelId: (schoolId) => config.schools.find((s) => s.id === schoolId)?.clplChannelId ?? config.clplChannelId,
  });

  const server = restify.createServer({ name: 'clpl' });
  answerErrorsAsJson(server, logger);
  server.use(restify.plugins.bodyParser({ maxBodySize: maxBodyBytes }));
  server.post(
    '/api/messages',
    botEndpoint({
      adapter,
      authentication,
      identity: config.botIdentity,
      tokenIssuer: config.channelAuth.tokenIssuer,
      localMode: config.localMode,
      logger,
      logic: (context) => bot.run(context),
    }),
  );
  const connections = new ConnectionDrain(server.server);
  mountHealthRoutes(server, { stores, logger, draining: () => connections.isDraining() });
  mountCalendarRoutes(server, { app, logger });
  const tab = mountTab(server, { config, stores, logger, clock, app, goals: options.goals, withdraw: async (offerId, personId) => void (await withdraw(app, { offerId, personId })) });
  const reflections = wireReflections({ app, adapter, botAppId, budgets, logger, goals: tab.goals, orgDirectory: config.orgDirectory, settleMs: options.cardSettleMs ?? 250, people: options.people });
  mountReportRoutes(server, { app, config, logger });
  // Goals in SharePoint are erased through Graph before the database (bot/app/privacy/erasePerson.ts).
  app.privacy = { externalGoals: tab.goals !== stores.goals && isExternalGoalEraser(tab.goals) ? tab.goals : null, retention: config.retention };
  await stores.jobs.scheduleIfAbsent(retentionJob(clock.now(), config.timeZone), clock.now());
  mountRecordLinkRoutes(server, { deps: recordDependencies(app, tab.goals, config.timeZone), logger });
  mountPrivacyRoutes(server, { privacy: config.privacy, goalsInSharePoint: config.tab.goals.kind === 'graph', minResponsesToShow: config.evidence.minResponsesToShow, retention: config.retention, localMode: config.localMode });
  const unsetPrivacy = missingPrivacySettings(config.privacy);
  if (unsetPrivacy.length > 0 && !config.localMode) logger.warn({ event: 'privacy_notice_incomplete', unset: unsetPrivacy }, 'The privacy notice at /privacy shows placeholders until these are set.');

  // A changed groups file may have added schools: they get the open group offers (their posting jobs run again).
  if (groupsFile.applied) await postAfterGroupsFileChanged(app);
  noticeDelivery.start();
  jobRunner.start();
  // Catches up cards whose change was noted by an instance that stopped before redrawing them.
  const sweep = setInterval(() => void Promise.all([cardRefresher.refreshNow(), reflections.refresher.refreshNow()]), 30_000);
  sweep.unref();

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  // Local mode serves calendar links at the listening address, for a browser on the same machine.
  if (!publicUrl && config.localMode) publicUrl = `http://${host}:${port}`;
  if (schoolsWithoutSltLedByEveryone) {
    logger.warn({ event: 'everyone_is_slt' }, 'Local mode with no SLT configured: everyone in a team added from the playground may lead CLPL (the demo school\'s SLT is Morag Campbell).');
  }
  logger.info({ event: 'server_started', port, store: stores.describe, localMode: config.localMode });

  const settle = async () => {
    await lineManagementImports(app).idle();
    await jobRunner.runDue();
    await cardRefresher.idle();
    await noticeDelivery.deliverNow();
    await noticeDelivery.idle();
    // Last: delivering reflection prompts redraws their tracking cards.
    await reflections.refresher.idle();
  };
  return {
    url: `http://${host}:${port}`,
    stores,
    cardRefresher,
    noticeDelivery,
    jobRunner,
    settle,
    async close() {
      // Nothing new is taken from here on: work queued meanwhile stays in the database for the next instance.
      clearInterval(sweep);
      jobRunner.stop();
      noticeDelivery.stop();
      cardRefresher.stop();
      reflections.refresher.stop();
      // Requests in flight are answered and work already under way finishes before the database closes under it.
      await Promise.all([connections.drain(), noticeDelivery.idle(), jobRunner.idle(), cardRefresher.idle(), reflections.refresher.idle()]);
      // Last, as a request answered during the drain may have started an import.
      await lineManagementImports(app).idle();
      await stores.close();
    },
    abort: () => connections.abort(),
    requestsInFlight: () => connections.requestsInFlight(),
  };
}

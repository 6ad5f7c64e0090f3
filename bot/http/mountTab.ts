import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { Server } from 'restify';
import { appTokenSource } from '../adapters/graph/appCredential';
import { createGraphClient } from '../adapters/graph/graphClient';
import { GraphGoalStore } from '../adapters/graph/graphGoalStore';
import { AppDependencies } from '../app/dependencies';
import { GoalDependencies } from '../app/goals/goalDependencies';
import { Config } from '../config';
import { Clock } from '../ports/clock';
import { GoalStore } from '../ports/goalStore';
import { Stores } from '../ports/stores';
import { createIdentifier } from './auth/identify';
import { TabTokenValidator } from './auth/tabTokenValidator';
import { mountStaticTab } from './staticTab';
import { mountTabApi } from './tabApi';

export interface TabMountOptions {
  config: Config;
  stores: Stores;
  logger: Logger;
  clock: Clock;
  /** The bot's use cases' dependencies: attendance, calendar links and the SLT dashboard come from them. */
  app: AppDependencies;
  /** The bot's withdraw use case (frees the seat, promotes the waitlist, refreshes the card). */
  withdraw(offerId: string, personId: string): Promise<void>;
  /** Tests and the bench replace the goal store (e.g. Graph against a stand-in). */
  goals?: GoalStore;
}

/** The companion tab: its static files under /tab and its JSON API under /api/tab. */
export function mountTab(server: Server, options: TabMountOptions): { goals: GoalStore } {
  const { config, stores, logger } = options;
  const goals = options.goals ?? goalStoreFor(config, stores);
  const deps: GoalDependencies = {
    goals,
    activities: stores.clplActivities,
    offers: stores.offers,
    evidence: stores.evidence,
    yearlyTargetHours: config.evidence.yearlyTargetHours,
    workPatterns: stores.workPatterns,
    peerObservations: stores.peerObservations,
    feedback: config.evidence.feedback,
    clock: options.clock,
    newId: randomUUID,
    standardAreas: config.tagCatalogue.standards,
    timeZone: config.timeZone,
  };
  const validator = config.tab.sso ? new TabTokenValidator(config.tab.sso) : null;
  const identifier = createIdentifier({ validator, localMode: config.localMode, schools: stores.schools });
  mountTabApi(server, { deps, app: options.app, identifier, logger, ssoConfigured: validator !== null, withdraw: options.withdraw });
  mountStaticTab(server, config.tab.distDir);
  logger.info({ event: 'tab_mounted', goals: goals.describe, sso: validator !== null, devIdentities: config.localMode });
  return { goals };
}

function goalStoreFor(config: Config, stores: Stores): GoalStore {
  const goals = config.tab.goals;
  if (goals.kind === 'local') return stores.goals;
  const client = createGraphClient({ baseUrl: goals.baseUrl, getToken: appTokenSource(goals.identity, goals.baseUrl) });
  return new GraphGoalStore({ client, siteId: goals.siteId, listId: goals.listId, baseUrl: goals.baseUrl });
}

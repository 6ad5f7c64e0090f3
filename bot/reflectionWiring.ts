import { CloudAdapter } from 'botbuilder';
import { Logger } from 'pino';
import { createGraphClient } from './adapters/graph/graphClient';
import { appTokenSource } from './adapters/graph/appCredential';
import { GraphOrgDirectory } from './adapters/graph/graphOrgDirectory';
import { OrgDirectoryConfig } from './adapters/graph/orgDirectoryConfig';
import { GraphPeopleDirectory } from './adapters/graph/graphPeopleDirectory';
import { TeamsTrackingBoard } from './adapters/teams/teamsTrackingBoard';
import { SendBudgets } from './adapters/teams/throttling';
import { AppDependencies } from './app/dependencies';
import { TrackingCardRefresher } from './app/reflections/trackingCardRefresher';
import { GoalStore } from './ports/goalStore';
import { PeopleDirectory } from './ports/peopleDirectory';

/** PRD reflection's collaborators, chosen from configuration: Graph's org chart (not in local mode), tracking cards. */
export function wireReflections(input: {
  app: AppDependencies;
  adapter: CloudAdapter;
  botAppId: string;
  budgets: SendBudgets;
  logger: Logger;
  goals: GoalStore;
  orgDirectory: OrgDirectoryConfig | null;
  settleMs: number;
  /** Finds people by email instead of the configured Graph: for tests. */
  people?: PeopleDirectory;
}): { refresher: TrackingCardRefresher } {
  const { app, logger } = input;
  const board = new TeamsTrackingBoard({ adapter: input.adapter, botAppId: input.botAppId, addresses: app.stores.addresses, budgets: input.budgets });
  const refresher = new TrackingCardRefresher(
    { reflections: app.stores.reflections, reachability: app.stores.reachability, trackingCards: app.stores.trackingCards, board, logger },
    input.settleMs,
  );
  const directory = input.orgDirectory;
  const client = directory ? createGraphClient({ baseUrl: directory.baseUrl, getToken: appTokenSource(directory.identity, directory.baseUrl) }) : null;
  app.reflections = {
    org: client && directory ? new GraphOrgDirectory({ client, baseUrl: directory.baseUrl }) : null,
    people: input.people ?? (client ? new GraphPeopleDirectory({ client }) : null),
    goals: input.goals,
    trackingChanged: () => refresher.changed(),
    onOrgError: (error) => logger.warn({ event: 'org_directory_failed', err: error instanceof Error ? error.message : String(error) }),
  };
  return { refresher };
}

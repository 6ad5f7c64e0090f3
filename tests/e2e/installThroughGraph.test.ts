import { Clock } from '../../bot/ports/clock';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { createOfferThroughCard, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';
import { GraphInstallStandIn } from '../support/graphInstallStandIn';
import { ManagedIdentityStandIn } from '../support/managedIdentityStandIn';
import { channelCardAction, member, personalMessage, sendToBot } from '../support/teamsActivities';

/**
 * A waitlist promotion for someone who never installed the app, through the whole server configured as a tenant on
 * Azure App Service would be (TEAMS_APP_CATALOG_ID, GRAPH_MANAGED_IDENTITY_CLIENT_ID, and the managed identity
 * endpoint App Service gives the process). Bot Framework authentication is off (local mode); everything else is real.
 * The stand-ins, all on loopback:
 * - the Bot Connector (botConnectorStandIn): it answers 403 to creating a 1:1 chat with anyone the app is not
 *   installed for, as Teams does, and 201 once the Graph stand-in has installed it for them;
 * - Microsoft Graph's `POST /v1.0/users/{id}/teamwork/installedApps` (graphInstallStandIn), which requires the
 *   managed identity's token and can refuse a person with 403, as a tenant policy or a missing permission would;
 * - App Service's managed identity endpoint (managedIdentityStandIn), which issues that token.
 */
const catalogAppId = 'clpl-catalog-app-id';
const managedIdentityClientId = 'clpl-managed-identity';
const anyTime = { CLPL_QUIET_HOURS: '00:00-00:00', CLPL_QUIET_WEEKENDS: 'false' };
const text = (value: unknown) => JSON.stringify(value) ?? '';
const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;

const holder = member('holder', 'Hamish Holder');
/** Has never installed the app nor talked to the bot: the bot has only seen them press Sign up in the channel. */
const newcomer = member('newcomer', 'Niamh Newcomer');
const staff = [holder, newcomer];

/** How long the server waits before trying a notice again once it has installed the app (see server.ts). */
const RETRY_AFTER_INSTALL_MS = 60_000;

describe('reaching someone who never installed the app, by installing it for them through Graph', () => {
  let bed: Testbed;
  let graph: GraphInstallStandIn;
  let identity: ManagedIdentityStandIn;
  const savedEnv = { ...process.env };
  /** The server's clock runs with real time, and a test moves it on. */
  let aheadMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + aheadMs) };

  // One identity endpoint for the whole process, as on App Service (msal-node keeps the one it found first).
  beforeAll(async () => {
    identity = await new ManagedIdentityStandIn().start();
    Object.assign(process.env, identity.env());
  });
  afterAll(async () => {
    await identity.stop();
    process.env = { ...savedEnv };
  });

  beforeEach(async () => {
    aheadMs = 0;
    graph = await new GraphInstallStandIn().start();
    graph.token = identity.token;
    bed = await startTestbed({
      clock,
      env: { ...anyTime, TEAMS_APP_CATALOG_ID: catalogAppId, GRAPH_MANAGED_IDENTITY_CLIENT_ID: managedIdentityClientId, GRAPH_BASE_URL: graph.url },
      connector: {
        intercept: (call) => {
          if (call.method !== 'POST' || call.path !== '/v3/conversations') return undefined;
          const person = staff.find((m) => m.teamsId === call.body?.members?.[0]?.id);
          if (person && !graph.installed.has(person.aadObjectId)) return { status: 403, body: { error: { code: 'Forbidden', message: 'The bot is not installed for this user.' } } };
          return undefined;
        },
      },
    });
    await setUpSchool(bed);
  });
  afterEach(async () => {
    await bed.close();
    await graph.stop();
  });

  /** One place, taken by the holder; the newcomer waits; the holder withdraws and the newcomer is promoted. */
  async function promoteNewcomer(): Promise<void> {
    const { offerId, card } = await createOfferThroughCard(bed, { capacity: '1', title: 'Restorative conversations' });
    await sendToBot(bed.server.url, channelCardAction(bed.world, holder, card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    const waiting = await sendToBot(bed.server.url, channelCardAction(bed.world, newcomer, card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    expect(text(waiting.body.value)).toContain("You're 1st on the waitlist.");
    await sendToBot(bed.server.url, channelCardAction(bed.world, holder, card, 'offer.withdraw.v1', { cardVersion: 1, offerId }));
    await bed.server.settle();
  }

  async function unreachableList(): Promise<string> {
    await sendToBot(bed.server.url, personalMessage(bed.world, slt, 'unreachable'));
    const card = cardOf(bed.connector.sentTo(`a:personal-${slt.aadObjectId}`).at(-1));
    expectValidAdaptiveCard(card);
    return text(card);
  }

  const chatsWithNewcomer = () => bed.connector.conversationsCreated().filter((c) => c.body?.members?.[0]?.id === newcomer.teamsId);
  const deliveredToNewcomer = () => chatsWithNewcomer().flatMap((chat) => (chat.responseId ? bed.connector.sentTo(chat.responseId) : []));

  it('installs the app for the promoted person with the managed identity, then opens their 1:1 chat and tells them', async () => {
    await promoteNewcomer();
    expect(graph.installs).toEqual([
      {
        userId: newcomer.aadObjectId,
        body: { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogAppId}` },
        authorization: `Bearer ${graph.token}`,
      },
    ]);
    expect(identity.requests).toContainEqual({ resource: graph.url, clientId: managedIdentityClientId });
    expect(chatsWithNewcomer()).toHaveLength(1);
    expect(deliveredToNewcomer()).toEqual([]);

    aheadMs = RETRY_AFTER_INSTALL_MS + 1_000;
    await bed.server.settle();

    const [notice, ...more] = deliveredToNewcomer();
    expect(more).toEqual([]);
    expectValidAdaptiveCard(cardOf(notice));
    expect(text(cardOf(notice))).toContain('You have a place');
    expect(text(cardOf(notice))).toContain('Restorative conversations');
    expect(graph.installs).toHaveLength(1);
    expect(await unreachableList()).toContain('Everyone can be reached');
  });

  it('records the person as unreachable, with the reason, for SLT when the tenant refuses the installation', async () => {
    graph.statusFor.set(newcomer.aadObjectId, 403);
    await promoteNewcomer();
    aheadMs = 10 * RETRY_AFTER_INSTALL_MS;
    await bed.server.settle();

    expect(graph.installs.map((i) => i.userId)).toEqual([newcomer.aadObjectId]);
    expect(deliveredToNewcomer()).toEqual([]);
    const listed = await unreachableList();
    expect(listed).toContain('1 person I cannot reach');
    expect(listed).toContain('Niamh Newcomer');
    expect(listed).toContain('Graph refused to install the app (HTTP 403)');
    const [row] = await bed.server.stores.reachability.unreachableIn(bed.world.team.id);
    expect(row?.personId).toBe(newcomer.aadObjectId);
  });
});

import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  TurnContext,
} from 'botbuilder';
import { Logger } from 'pino';
import { BotIdentity } from '../../config';
import { ReusingBotFrameworkAuthentication } from './connectorClients';
import { ChannelAuthConfig, publicCloudChannelAuth } from './inbound/channelAuthConfig';

/** Azure public cloud's outbound endpoints (botbuilder's defaults), given explicitly because the inbound ones may be overridden. */
const publicCloudOutbound = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: 'urn:botframework:azure',
};

/** Runs a turn for a request the endpoint has already authenticated (bot/adapters/teams/inbound/botEndpoint.ts). */
export class ClplCloudAdapter extends CloudAdapter {
  constructor(private readonly authentication: ReusingBotFrameworkAuthentication) {
    super(authentication);
  }

  runAuthenticatedTurn(...[auth, activity, logic]: Parameters<CloudAdapter['processActivity']>): ReturnType<CloudAdapter['processActivity']> {
    // The turn's replies go through a connector client kept from earlier turns rather than one built for this turn.
    const reusing =
      typeof auth === 'string' || !auth.connectorFactory ? auth : { ...auth, connectorFactory: this.authentication.clients.reusing(auth.connectorFactory) };
    return this.processActivity(reusing, activity, logic);
  }
}

export interface BotFramework {
  adapter: ClplCloudAdapter;
  /** The same authentication the adapter holds: the endpoint checks each request's token with it before the turn. */
  authentication: ConfigurationBotFrameworkAuthentication;
}

/**
 * The Bot Framework adapter. With a bot identity every inbound request's token is validated (issuer, signing keys,
 * audience = the bot's app id, the serviceUrl claim). With none (local mode only, enforced by config) authentication is
 * off, as the Agents Playground and the Emulator expect.
 */
export function createBotFramework(identity: BotIdentity, logger: Logger, channelAuth: ChannelAuthConfig = publicCloudChannelAuth): BotFramework {
  const settings =
    identity.kind === 'SingleTenant'
      ? { MicrosoftAppId: identity.appId, MicrosoftAppPassword: identity.password, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: identity.tenantId }
      : identity.kind === 'UserAssignedMsi'
        ? { MicrosoftAppId: identity.appId, MicrosoftAppType: 'UserAssignedMsi', MicrosoftAppTenantId: identity.tenantId }
        : {};
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  // Naming one endpoint makes botbuilder take every endpoint from here (BotFrameworkAuthenticationFactory), so all are given.
  const authentication = new ReusingBotFrameworkAuthentication(
    {
      ...settings,
      ...publicCloudOutbound,
      ValidateAuthority: true,
      ToBotFromChannelOpenIdMetadataUrl: channelAuth.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: channelAuth.tokenIssuer,
    },
    credentials,
  );
  const adapter = new ClplCloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ event: 'turn_failed', activityId: context.activity.id, conversationId: context.activity.conversation?.id, err: error.stack });
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on my side. Nothing was changed; please try again.').catch(() => undefined);
    }
  };
  return { adapter, authentication };
}

export function botAppIdOf(identity: BotIdentity): string {
  return identity.kind === 'none' ? '' : identity.appId;
}

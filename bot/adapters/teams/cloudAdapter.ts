import {
  CloudAdapter,
  ConfigurationServiceClientCredentialFactory,
  createBotFrameworkAuthenticationFromConfiguration,
  TurnContext,
} from 'botbuilder';
import { Logger } from 'pino';
import { BotIdentity } from '../../config';

/**
 * The Bot Framework adapter. With a bot identity every inbound request's token is validated (issuer, signing keys,
 * audience = the bot's app id). With none (local mode only, enforced by config) authentication is off, as the
 * Agents Playground and the Emulator expect.
 */
export function createCloudAdapter(identity: BotIdentity, logger: Logger): CloudAdapter {
  const settings =
    identity.kind === 'SingleTenant'
      ? { MicrosoftAppId: identity.appId, MicrosoftAppPassword: identity.password, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: identity.tenantId }
      : identity.kind === 'UserAssignedMsi'
        ? { MicrosoftAppId: identity.appId, MicrosoftAppType: 'UserAssignedMsi', MicrosoftAppTenantId: identity.tenantId }
        : {};
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const adapter = new CloudAdapter(createBotFrameworkAuthenticationFromConfiguration(null, credentials));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ event: 'turn_failed', activityId: context.activity.id, conversationId: context.activity.conversation?.id, err: error.stack });
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on my side. Nothing was changed; please try again.').catch(() => undefined);
    }
  };
  return adapter;
}

export function botAppIdOf(identity: BotIdentity): string {
  return identity.kind === 'none' ? '' : identity.appId;
}

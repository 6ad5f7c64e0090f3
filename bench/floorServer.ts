import { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  AdaptiveCardInvokeResponse,
  CloudAdapter,
  ConfigurationServiceClientCredentialFactory,
  createBotFrameworkAuthenticationFromConfiguration,
} from 'botbuilder';
import * as restify from 'restify';

/** What a card action cannot be faster than on this stack: the same HTTP server and adapter, no work in the handler. */
const fixedCard = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Thanks.' }],
};

class FloorBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: fixedCard };
  }
}

export interface FloorServer {
  url: string;
  close(): Promise<void>;
}

export async function startFloorServer(): Promise<FloorServer> {
  const adapter = new CloudAdapter(createBotFrameworkAuthenticationFromConfiguration(null, new ConfigurationServiceClientCredentialFactory({})));
  const bot = new FloorBot();
  // Same restify setup as bot/server.ts, so the floor includes the same HTTP and body-parsing cost.
  const server = restify.createServer({ name: 'floor' });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

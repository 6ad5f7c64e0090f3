import { Response, Server } from 'restify';
import { pageSecurityHeaders } from '../../adapters/export/html';
import { NoticeFacts, renderPrivacyNotice, renderTermsOfUse } from '../../adapters/export/privacyNotice';

/** The privacy notice and terms of use, served by the app itself so the Teams manifest can point at them. */
export function mountPrivacyRoutes(server: Server, facts: NoticeFacts): void {
  // Made once: they depend only on the settings read at start-up.
  const privacy = renderPrivacyNotice(facts);
  const terms = renderTermsOfUse(facts);
  const send = (res: Response, body: string) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300', ...pageSecurityHeaders });
    res.end(body);
  };
  server.get('/privacy', async (_req, res) => send(res, privacy));
  server.get('/terms', async (_req, res) => send(res, terms));
}

import { z } from 'zod';
import { optionalText, readSettings } from '../../../settings';

/**
 * Where the tokens Bot Framework puts on each request to /api/messages are checked against: its OpenID metadata (which
 * names the signing keys) and the issuer it writes. The defaults are Azure's public cloud, as botbuilder's own; the
 * overrides exist for tests (a loopback stand-in) and sovereign clouds, never to switch checking off.
 */
export interface ChannelAuthConfig {
  openIdMetadataUrl: string;
  tokenIssuer: string;
}

export const publicCloudChannelAuth: ChannelAuthConfig = {
  openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  tokenIssuer: 'https://api.botframework.com',
};

const channelAuthEnvironment = z.object({
  BOT_OPENID_METADATA_URL: optionalText,
  BOT_TOKEN_ISSUER: optionalText,
});

/** Reads the overrides; a problem goes to `problems` (config.ts reports them all together). */
export function loadChannelAuthConfig(env: Record<string, string | undefined>, problems: string[]): ChannelAuthConfig {
  const e = readSettings(channelAuthEnvironment, env, problems);
  const metadataUrl = e?.BOT_OPENID_METADATA_URL;
  const issuer = e?.BOT_TOKEN_ISSUER;
  if (metadataUrl && !isKeySourceUrl(metadataUrl)) {
    problems.push('BOT_OPENID_METADATA_URL must be an https:// address (http:// only on this machine, for tests).');
  }
  if (issuer !== undefined && !/^https:\/\/[^\s]+$/.test(issuer)) problems.push('BOT_TOKEN_ISSUER must be an https:// address, such as https://api.botframework.com.');
  return {
    openIdMetadataUrl: metadataUrl ?? publicCloudChannelAuth.openIdMetadataUrl,
    tokenIssuer: issuer ?? publicCloudChannelAuth.tokenIssuer,
  };
}

/** Signing keys are trusted only over TLS, or from this machine (a test's stand-in). */
function isKeySourceUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

import { createHash, randomBytes } from 'node:crypto';
import { RecordFormat, recordFormats } from '../../domain/personalRecord';
import { Clock } from '../../ports/clock';
import { RecordDownloadLog } from '../../ports/subjectAccess';

/** Long enough to open the card and press the buttons; short enough that a forwarded card soon opens nothing. */
export const recordLinkLifetimeMs = 15 * 60_000;

export interface RecordLinks {
  urls: Record<RecordFormat, string>;
  expiresAt: Date;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Download links for the person's own record, for the bot's `my record` card (a card button cannot carry the tab's
 * sign-in). The secret is 32 random bytes; only its hash is stored, and it stops working after 15 minutes.
 * Null when the server does not know its public address.
 */
export async function makeRecordLinks(deps: { downloads: RecordDownloadLog; clock: Clock; publicUrl(): string | null }, personId: string): Promise<RecordLinks | null> {
  const base = deps.publicUrl();
  if (!base) return null;
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + recordLinkLifetimeMs);
  await deps.downloads.saveLink({ tokenHash: hashOf(token), personId, createdAt: now, expiresAt });
  const root = `${base.replace(/\/+$/, '')}/records/${token}`;
  const urls = Object.fromEntries(recordFormats.map((format) => [format, `${root}/${format}`])) as Record<RecordFormat, string>;
  return { urls, expiresAt };
}

/** Whose record a link opens, or undefined for an unknown or expired one. */
export async function personWithRecordLink(deps: { downloads: RecordDownloadLog; clock: Clock }, token: string): Promise<string | undefined> {
  return deps.downloads.personWithLink(hashOf(token), deps.clock.now());
}

import { z } from 'zod';
import { isLoopbackHost } from './inbound/channelAuthConfig';

/**
 * A file sent to the bot in a 1:1 chat (manifest `supportsFiles: true`). Teams does not put the bytes in the
 * activity: the file stays in the sender's OneDrive, and the attachment carries a short-lived, pre-authenticated
 * download URL (no token needed or sent).
 */
export const fileDownloadInfoType = 'application/vnd.microsoft.teams.file.download.info';

const fileAttachment = z.object({
  contentType: z.literal(fileDownloadInfoType),
  name: z.string().max(256).default('file'),
  content: z.object({ downloadUrl: z.string().url().max(4096), fileType: z.string().max(32).optional() }).passthrough(),
});

export interface ReceivedFile {
  name: string;
  downloadUrl: string;
  fileType: string;
}

export function receivedFilesOf(attachments: readonly unknown[] | undefined): ReceivedFile[] {
  return (attachments ?? []).flatMap((a) => {
    const parsed = fileAttachment.safeParse(a);
    if (!parsed.success) return [];
    const { name, content } = parsed.data;
    return [{ name, downloadUrl: content.downloadUrl, fileType: (content.fileType ?? name.split('.').pop() ?? '').toLowerCase() }];
  });
}

export class FileTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`file is over the limit (${bytes} bytes or more)`);
    this.name = 'FileTooLarge';
  }
}

export class FileDownloadFailed extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FileDownloadFailed';
  }
}

/**
 * Fetches a file's bytes, stopping as soon as it is larger than `maxBytes` or slower than `timeoutMs` (the person is
 * waiting). Only https, or http on loopback where tests stand in for SharePoint/OneDrive.
 */
export async function downloadFile(url: string, limits: { maxBytes: number; timeoutMs: number }): Promise<Buffer> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && !(target.protocol === 'http:' && isLoopbackHost(target.hostname))) throw new FileDownloadFailed('not an https download link');
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limits.timeoutMs);
  try {
    const response = await fetch(target, { signal: abort.signal, redirect: 'follow' });
    if (!response.ok || !response.body) throw new FileDownloadFailed(`download answered HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      abort.abort();
      throw new FileTooLarge(declared);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > limits.maxBytes) {
        abort.abort();
        throw new FileTooLarge(total);
      }
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof FileTooLarge || error instanceof FileDownloadFailed) throw error;
    throw new FileDownloadFailed(abort.signal.aborted ? `download took longer than ${limits.timeoutMs} ms` : (error as Error).message);
  } finally {
    clearTimeout(timer);
  }
}

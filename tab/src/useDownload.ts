import { useState } from 'react';
import { Api } from './api';
import { saveFile } from './saveFile';

/**
 * Downloads a file with the person's sign-in (a plain link could not carry it) and saves it; `downloading` is the path
 * being fetched, to disable its button. A failure goes to `onError`, which is cleared when a download starts.
 */
export function useDownload(api: Api, onError: (message: string | null) => void): { downloading: string | null; download: (path: string) => Promise<void> } {
  const [downloading, setDownloading] = useState<string | null>(null);
  const download = async (path: string) => {
    setDownloading(path);
    onError(null);
    try {
      const { blob, name } = await api.download(path);
      saveFile(blob, name);
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setDownloading(null);
    }
  };
  return { downloading, download };
}

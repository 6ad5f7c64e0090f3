import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RunningServer } from '../../bot/server';
import { buildTabInChildProcess } from '../../scripts/buildTab';
import { startTabServer } from '../http/tabServer';

/** The tab built for real (in a child process, as `npm start` builds it) and served by a local-mode server. */
export function startServerWithBuiltTab(env: Record<string, string> = {}): Promise<RunningServer> {
  const dist = buildTabInChildProcess(join(mkdtempSync(join(tmpdir(), 'clpl-tab-build-')), 'tab'));
  return startTabServer({ TAB_DIST_DIR: dist, ...env });
}

/** Opens the tab as a development identity, as a newcomer does in local mode. */
export async function openTabAs(page: Page, server: RunningServer, personName: string): Promise<void> {
  await page.goto(`${server.url}/tab/index.html`);
  await page.getByLabel('Development identity (local mode)').selectOption({ label: personName });
  await page.getByText(`Signed in as ${personName}`).waitFor();
}

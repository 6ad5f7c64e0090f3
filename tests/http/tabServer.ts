import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../bot/config';
import { RunningServer, startServer } from '../../bot/server';
import { GoalStore } from '../../bot/ports/goalStore';

/** The real server in local mode on a fresh SQLite file, with extra environment (SSO, tab folder) and goal store. */
export async function startTabServer(env: Record<string, string> = {}, goals?: GoalStore): Promise<RunningServer> {
  const config = loadConfig({ CLPL_LOCAL: '1', PORT: '0', SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'clpl-tab-')), 'clpl.sqlite'), ...env });
  return startServer(config, pino({ level: 'silent' }), { cardSettleMs: 10, goals });
}

/** A small JSON client for the tab API. */
export function tabApi(baseUrl: string, auth: Record<string, string>) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
  };
}

/**
 * One real CLPL server in a process of its own, for tests that run several instances against one database (not a test
 * itself). Configured from the environment exactly like bot/main.ts (loadConfig + startServer), without reading a
 * .env file. Logs (JSON, warnings and errors only unless LOG_LEVEL says otherwise) go to stderr; stdout carries one
 * JSON line once it listens: {"event":"listening","url":"http://127.0.0.1:<port>","pid":<pid>,"store":"..."}.
 *
 * It stops on SIGTERM/SIGINT, and when its stdin closes, so it never outlives the test run that started it.
 *
 * Usage: node --import tsx tests/support/instanceProcess.ts   (with CLPL_LOCAL=1, PORT=0, DATABASE_URL or SQLITE_FILE…)
 */
import pino from 'pino';
import { loadConfig } from '../../bot/config';
import { RunningServer, startServer } from '../../bot/server';

export interface InstanceListening {
  event: 'listening';
  url: string;
  pid: number;
  store: string;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { service: 'clpl-bot', pid: process.pid } }, pino.destination(2));
  const settleMs = Number(process.env.CLPL_TEST_CARD_SETTLE_MS ?? 250);
  let server: RunningServer | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server?.close().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGTERM', () => void stop(0));
  process.once('SIGINT', () => void stop(0));
  process.stdin.on('data', () => undefined);
  process.stdin.once('end', () => void stop(0));

  server = await startServer(config, logger, { cardSettleMs: settleMs });
  const listening: InstanceListening = { event: 'listening', url: server.url, pid: process.pid, store: server.stores.describe };
  process.stdout.write(`${JSON.stringify(listening)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`instance could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

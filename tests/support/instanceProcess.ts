/**
 * One real CLPL server in a process of its own, for tests that run several instances against one database (not a test
 * itself). Configured from the environment exactly like bot/main.ts (loadConfig + startServer), without reading a
 * .env file. Logs (JSON, warnings and errors only unless LOG_LEVEL says otherwise) go to stderr; stdout carries one
 * JSON line once it listens: {"event":"listening","url":"http://127.0.0.1:<port>","pid":<pid>,"store":"..."}.
 *
 * It stops on SIGTERM/SIGINT as bot/main.ts does (bot/shutdown.ts: gracefully, within CLPL_SHUTDOWN_GRACE_SECONDS), and
 * when its stdin closes, so it never outlives the test run that started it.
 *
 * Usage: node --import tsx tests/support/instanceProcess.ts   (with CLPL_LOCAL=1, PORT=0, DATABASE_URL or SQLITE_FILE…)
 */
import pino from 'pino';
import { loadConfig } from '../../bot/config';
import { startServer } from '../../bot/server';
import { exitOnStopSignals } from '../../bot/shutdown';

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
  // Until it has started there is nothing to stop gracefully.
  let stop: (reason: string) => Promise<void> = () => process.exit(0);
  process.stdin.on('data', () => undefined);
  process.stdin.once('end', () => void stop('stdin_closed'));
  const server = await startServer(config, logger, { cardSettleMs: settleMs });
  // The same graceful stop as bot/main.ts, so tests can send SIGTERM and watch it.
  stop = exitOnStopSignals(server, logger, config.shutdownGraceMs);
  const listening: InstanceListening = { event: 'listening', url: server.url, pid: process.pid, store: server.stores.describe };
  process.stdout.write(`${JSON.stringify(listening)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`instance could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

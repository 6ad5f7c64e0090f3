import 'dotenv/config';
import { ConfigError, loadConfig } from './config';
import { demoSchool, seedLocalDemo } from './localDemo';
import { createLogger } from './logger';
import { startServer } from './server';
import { exitOnStopSignals } from './shutdown';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.localMode) {
    const banner = [
      '',
      '************************************************************************',
      '*  LOCAL MODE: Bot Framework authentication is OFF.                     *',
      `*  Listening on ${config.host} only. Never expose this to a network.`.padEnd(72) + '*',
      '*  Talk to the bot with: npm run playground                             *',
      '************************************************************************',
      '',
    ].join('\n');
    console.warn(banner);
    logger.warn({ event: 'local_mode', host: config.host });
  }
  const server = await startServer(config, logger);
  // Here rather than in startServer: tests start the server in local mode too and seed schools of their own.
  if (config.localMode && (await seedLocalDemo(server.stores))) {
    logger.info({ event: 'local_demo_seeded', schoolId: demoSchool.id }, 'Fresh local store: seeded a demo school where Morag Campbell line-manages Ailsa Brown and Callum Reid.');
  }
  console.log(`CLPL is running at ${server.url} (bot endpoint ${server.url}/api/messages)`);
  exitOnStopSignals(server, logger, config.shutdownGraceMs);
}

void main().catch((error: unknown) => {
  console.error('CLPL could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

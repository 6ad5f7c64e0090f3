import pino, { Logger } from 'pino';

/**
 * One JSON line per event (App Service log streaming reads stdout). Only ids go into logs: never message text, names
 * or card contents, which are staff's personal data.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'clpl-bot' }, timestamp: pino.stdTimeFunctions.isoTime });
}

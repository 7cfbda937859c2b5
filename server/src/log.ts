/** One structured (JSON lines) logger for the whole server; LOG_LEVEL=debug|info|warn|error|silent. */
import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: 'peace-table', level });
}

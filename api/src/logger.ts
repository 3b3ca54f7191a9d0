// pino JSON logs. Caller personal data goes only under the `pii` key, which is
// redacted unless LOG_LEVEL is debug/trace on a developer's machine.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, opts: { name?: string; destination?: DestinationStream } = {}): Logger {
  const verbose = level === 'debug' || level === 'trace';
  return pino({
    name: opts.name ?? 'api',
    level,
    base: undefined,
    redact: verbose ? ['req.headers.cookie', 'req.headers.authorization'] : ['pii', '*.pii', 'req.headers.cookie', 'req.headers.authorization'],
  }, opts.destination);
}

import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Paths that may carry credentials or customer data. Logs are read by more people than the
 * audit table, so anything that could hold a token or a value is cut before it is written.
 */
const REDACTED_PATHS = [
  'authorization',
  'token',
  '*.authorization',
  '*.token',
  '*.secret',
  '*.password',
  'headers.authorization',
  'headers["x-impersonation-token"]',
  'req.headers.authorization',
  'req.headers["x-impersonation-token"]',
  'variables',
  '*.variables',
];

/** `destination` defaults to stdout; tests pass a stream to read what would be written. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'warden' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

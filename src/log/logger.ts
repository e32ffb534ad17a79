import { pino, stdSerializers, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

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

/**
 * PostgreSQL's error fields that quote data: a refused row in full ("Failing row contains (…)",
 * an audit row's summary and ids among it), a duplicate key's value, the statement a function
 * ran with its literals. The SQLSTATE (`code`), the message, the table, column and constraint
 * still say what failed and where.
 */
const QUOTING_FIELDS = ['detail', 'where', 'internalQuery'] as const;

/** What pino's error serialiser makes: a copy of each error, on a prototype of its own. */
const SERIALIZED_ERROR = Object.getPrototypeOf(stdSerializers.err(new Error())) as object;

/**
 * pino's error serialiser, then the same without `QUOTING_FIELDS`, in the error and in every
 * error it carries (several at once, or one held by a property). Only those copies are changed:
 * anything else the error holds is the live object, which may still be answered with.
 */
function serializeError(error: unknown): unknown {
  const serialized: unknown = stdSerializers.err(error as Error);
  withoutQuotedData(serialized, new Set());
  return serialized;
}

function withoutQuotedData(value: unknown, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) withoutQuotedData(item, seen);
    return;
  }
  if (Object.getPrototypeOf(value) !== SERIALIZED_ERROR) return;
  const record = value as Record<string, unknown>;
  for (const field of QUOTING_FIELDS) delete record[field];
  for (const key of Object.keys(record)) withoutQuotedData(record[key], seen);
}

/** `destination` defaults to stdout; tests pass a stream to read what would be written. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'warden' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

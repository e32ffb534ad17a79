import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import type { Logger } from '../log/logger.js';
import { withoutEchoedValues } from '../errors/index.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * yoga's logger, onto ours. Errors are logged as data, never printed: `String(graphQLError)`
 * prints the query around the error's location, and with it any literal value in the query
 * (an email, a card number searched for). A GraphQL error keeps its message, code and path; the
 * error underneath an unexpected one goes through pino's error serializer, stack and all.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  // yoga logs a few debug lines on every request: the entry is built only when its level is on.
  const at =
    (level: Level) =>
    (...args: unknown[]) => {
      if (logger.isLevelEnabled(level)) logger[level](logEntry(args), 'yoga');
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function logEntry(args: unknown[]): { args: unknown[]; err?: Error } {
  const entry: { args: unknown[]; err?: Error } = { args: [] };
  for (const arg of args) {
    if (arg instanceof GraphQLError) {
      entry.args.push({ message: withoutEchoedValues(arg.message), code: arg.extensions['code'], path: arg.path });
      if (arg.originalError && !(arg.originalError instanceof GraphQLError)) entry.err ??= arg.originalError;
    } else if (arg instanceof Error) {
      entry.err ??= arg;
    } else {
      entry.args.push(typeof arg === 'string' ? arg : String(arg));
    }
  }
  return entry;
}

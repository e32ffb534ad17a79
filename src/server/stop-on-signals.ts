import type { Server } from 'node:http';
import type { Logger } from '../log/logger.js';

export interface StopOnSignalsOptions {
  /** The server serving `warden.gateway`. */
  server: Server;
  /** Stopped once the server has closed: Warden's background work (`startWarden`'s answer). */
  warden: { stop(): Promise<void> };
  /** Closed last (`openDatabase(…).db`). */
  db: { destroy(): Promise<void> };
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /**
   * How long in-flight requests get to finish, and then the background work and the database to
   * close, each, before the process exits anyway (with 1). @default 10000
   */
  graceMs?: number;
  /** @default ['SIGTERM', 'SIGINT'] */
  signals?: readonly NodeJS.Signals[];
  /** Tests pass their own. @default process.exit */
  exit?: (code: number) => void;
}

/**
 * A graceful stop on SIGTERM (what a process manager sends) or SIGINT (Ctrl-C): no new
 * connections, in-flight requests finish (idle keep-alive connections close at once), then
 * Warden's background work stops and the database closes, and the process exits 0; 1 when
 * something failed on the way, or when requests, then the closing, each ran past `graceMs`. A
 * second signal changes nothing. Returns the stop, for a caller that learns of a signal another
 * way (one that came while starting).
 */
export function stopOnSignals(options: StopOnSignalsOptions): (signal: string) => void {
  const { server, warden, db, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const graceMs = options.graceMs ?? 10_000;
  /** Exits 1 after `graceMs` unless cleared, saying what did not finish. */
  const deadline = (what: string) => {
    const timer = setTimeout(() => {
      logger.warn(`${what} did not finish in time; exiting`);
      exit(1);
    }, graceMs);
    timer.unref();
    return timer;
  };
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const requests = deadline('in-flight requests');
    server.close(() => {
      // The background work gets a period of its own: its last checkpoint and the audit
      // stream's last pass do not share the requests' time.
      clearTimeout(requests);
      const closing = deadline('stopping the background work and closing the database');
      void (async () => {
        let failed = false;
        // The database is closed even when the background work did not stop well: the embedded
        // one writes its last pages and unlocks its folder on close.
        for (const [what, close] of [['the background work', () => warden.stop()], ['the database', () => db.destroy()]] as const) {
          try {
            await close();
          } catch (error) {
            failed = true;
            logger.error({ err: error }, `stopping failed: ${what} did not close`);
          }
        }
        clearTimeout(closing);
        if (!failed) logger.info('stopped cleanly');
        exit(failed ? 1 : 0);
      })();
    });
    server.closeIdleConnections();
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, () => stop(signal));
  return stop;
}

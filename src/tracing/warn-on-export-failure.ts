import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '../log/logger.js';

/** The warning's sentence, kept stable for alerts on the log. */
export const TRACES_NOT_EXPORTED = 'traces: could not export spans to the OTLP endpoint; requests and audit writes go on, these spans are dropped';

/**
 * The exporter, with its failures told: the first export that fails logs a warning (and each
 * later one only at debug), the first that succeeds again says so. Exports run in the batch
 * processor's background, never on a request's path, so an endpoint that is down or slow costs
 * spans, never a response or an audit row.
 */
export function warnOnExportFailure(exporter: SpanExporter, logger: Logger, endpoint: string): SpanExporter {
  // Only where the spans go: a URL's user, password, path or query may carry a credential.
  const receiver = URL.canParse(endpoint) ? new URL(endpoint).origin : 'the configured endpoint';
  let failing = false;
  const told = (result: ExportResult) => {
    if (result.code === ExportResultCode.SUCCESS) {
      if (failing) logger.info({ endpoint: receiver }, 'traces: exporting again');
      failing = false;
      return;
    }
    // The error's kind, never its message: a receiver's answer is quoted there.
    const reason = errorKind(result.error);
    if (!failing) logger.warn({ endpoint: receiver, reason }, TRACES_NOT_EXPORTED);
    else logger.debug({ endpoint: receiver, reason }, TRACES_NOT_EXPORTED);
    failing = true;
  };
  return {
    export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void) {
      exporter.export(spans, (result) => {
        told(result);
        resultCallback(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    ...(exporter.forceFlush ? { forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve() } : {}),
  };
}

function errorKind(error: Error | undefined): string {
  if (!error) return 'unknown';
  const code: unknown = Reflect.get(error, 'code');
  return typeof code === 'string' || typeof code === 'number' ? `${error.name} ${String(code)}` : error.name;
}

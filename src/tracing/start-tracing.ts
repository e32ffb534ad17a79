import type { TracerProvider } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, ConsoleSpanExporter, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { TracingConfig } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { warnOnExportFailure } from './warn-on-export-failure.js';

export interface Tracing {
  tracerProvider: TracerProvider;
  /** Exports what is queued now; rejects if the exporter could not (the warning is logged either way). */
  flush(): Promise<void>;
  /** Sends what is still queued (within the export timeout), then stops exporting. */
  stop(): Promise<void>;
}

/**
 * Warden's own tracer provider, as the OTEL_* variables configure it: spans batched in the
 * background (OTEL_BSP_*), sampled as OTEL_TRACES_SAMPLER says (parent-based, always on by
 * default), exported over OTLP/HTTP with OTEL_EXPORTER_OTLP_HEADERS, _COMPRESSION and
 * _CERTIFICATE as the exporter reads them. Not registered globally: another instance or the
 * application keeps its own. `exporter` replaces the configured one (tests keep spans in memory).
 */
export function startTracing(config: TracingConfig, logger: Logger, exporter?: SpanExporter): Tracing {
  const chosen = exporter ?? (config.exporter === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter({ url: config.endpoint, timeoutMillis: config.timeoutMs }));
  // OTEL_RESOURCE_ATTRIBUTES (deployment.environment, service.instance.id…) over the default
  // name, and OTEL_SERVICE_NAME over both, as the specification orders them.
  const resource = resourceFromAttributes({ 'service.name': 'warden' })
    .merge(detectResources({ detectors: [envDetector] }))
    .merge(config.serviceName ? resourceFromAttributes({ 'service.name': config.serviceName }) : null);
  const provider = new BasicTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(warnOnExportFailure(chosen, logger, config.endpoint), { exportTimeoutMillis: config.timeoutMs })],
  });
  return {
    tracerProvider: provider,
    flush: () => provider.forceFlush(),
    stop: () => provider.shutdown(),
  };
}

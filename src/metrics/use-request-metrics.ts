import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics } from './gateway-metrics.js';

export interface RequestMetricsOptions {
  metrics: Pick<GatewayMetrics, 'requests' | 'requestDuration' | 'operationLabel'>;
  /** Only requests to this path are counted (not /health, /metrics, GraphiQL's assets). @default '/graphql' */
  endpoint?: string;
}

interface RequestUnderWay {
  startedAt: number;
  operation: string;
  operationType: string;
}

/**
 * Counts and times each GraphQL request, from its arrival to its response (authentication,
 * execution and the audit write included), by operation. The operation is named only once it
 * runs, after authentication and validation: a request refused before (no token, a bad
 * document, a limit) is counted as `none`, and a stranger cannot add label values.
 */
export function useRequestMetrics(options: RequestMetricsOptions): Plugin {
  const { metrics } = options;
  const endpoint = options.endpoint ?? '/graphql';
  const underWay = new WeakMap<Request, RequestUnderWay>();
  return {
    onRequest({ request, url }) {
      if (url.pathname !== endpoint || (request.method !== 'GET' && request.method !== 'POST')) return;
      underWay.set(request, { startedAt: performance.now(), operation: 'none', operationType: 'none' });
    },
    onExecute({ args }) {
      const request = underWay.get(args.contextValue.request);
      if (!request) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      request.operation = metrics.operationLabel(operation.name?.value);
      request.operationType = operation.operation;
    },
    onResponse({ request, response }) {
      const done = underWay.get(request);
      if (!done) return;
      underWay.delete(request);
      const labels = { operation: done.operation, operation_type: done.operationType };
      metrics.requests.inc({ ...labels, status: String(response.status) });
      metrics.requestDuration.observe(labels, (performance.now() - done.startedAt) / 1000);
    },
  };
}

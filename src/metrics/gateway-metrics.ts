import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { boundedOperationLabels } from './operation-labels.js';

export interface GatewayMetricsOptions {
  /** @default a registry of its own */
  registry?: Registry;
  /**
   * Node's own metrics (CPU, memory, event-loop lag, GC, handles) in the same registry. They
   * start an event-loop monitor and a GC observer that live as long as the process: a process
   * that creates many gateways (a test run) may leave them out. @default true
   */
  processMetrics?: boolean;
  /**
   * How many distinct operation names are kept as label values; later ones are counted as
   * `other`. Names are chosen by clients, so this bounds what a caller can add. @default 100
   */
  maxOperationNames?: number;
}

/**
 * What a gateway counts, in a registry of its own (two gateways in one process, as in the
 * tests, never share a count). Refusals of strangers are counted here and logged, not written
 * to the audit table: a stranger must not be able to grow it. No label carries an id, a token
 * or a value: docs/operations.md lists every metric.
 */
export interface GatewayMetrics {
  registry: Registry;
  /** Requests refused before anything was read because they carried no valid token, by cause. */
  unauthenticatedRequests: Counter<'because'>;
  /** Refusals of authenticated callers recorded before execution (`request_refused`), by code. */
  refusedRequests: Counter<'code'>;
  /** GraphQL requests answered, by operation (see `operationLabel`), its type and the HTTP status. */
  requests: Counter<'operation' | 'operation_type' | 'status'>;
  requestDuration: Histogram<'operation' | 'operation_type'>;
  /** Reads of classified fields by the decision the policy made, counted once per request. */
  fieldDecisions: Counter<'data_class' | 'decision'>;
  /** The audit writer's group commits, by outcome, with the rows they committed and how long each took. */
  auditAppends: Counter<'outcome'>;
  auditRowsAppended: Counter;
  auditAppendDuration: Histogram<'outcome'>;
  /** This instance's webhook POSTs, by outcome, and those that retried a message that had failed. */
  notificationDeliveries: Counter<'outcome'>;
  notificationRetries: Counter;
  /** Audit rows written but not yet acknowledged by a stream destination, as its last pass saw them. */
  auditStreamLag: Gauge<'destination'>;
  /** Audit events a stream destination acknowledged from this instance (repeats after a crash included). */
  auditStreamEvents: Counter<'destination'>;
  /** Audit events a stream destination took only without some of their columns (too large for it whole). */
  auditStreamWithheld: Counter<'destination'>;
  /**
   * The label value a request's operation is counted under: its name (a GraphQL name of at
   * most 64 characters, among the first `maxOperationNames` seen), `anonymous` when it has
   * none, else `other`.
   */
  operationLabel(name: string | null | undefined): string;
}

/** Seconds; a GraphQL request is expected well under a second. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds; one group commit, the wait for the chain head's lock included. */
const APPEND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createGatewayMetrics(options: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = options.registry ?? new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    unauthenticatedRequests: new Counter({
      name: 'warden_unauthenticated_requests_total',
      help: 'GraphQL requests refused with 401/503 before the document was read: no token, a malformed, expired or foreign one, or one naming nobody Warden knows.',
      labelNames: ['because'] satisfies Array<'because'>,
      registers,
    }),
    refusedRequests: new Counter({
      name: 'warden_refused_requests_total',
      help: 'Requests of authenticated callers refused before execution (parse, validation, variables, limits, CSRF, media type), each recorded in the audit trail.',
      labelNames: ['code'] satisfies Array<'code'>,
      registers,
    }),
    requests: new Counter({
      name: 'warden_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name (at most a bounded number of names; anonymous, other, or none when the request was refused before an operation ran), operation type and HTTP status.',
      labelNames: ['operation', 'operation_type', 'status'] satisfies Array<'operation' | 'operation_type' | 'status'>,
      registers,
    }),
    requestDuration: new Histogram({
      name: 'warden_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to its response, audit write included, by operation name and type (labelled as warden_graphql_requests_total).',
      labelNames: ['operation', 'operation_type'] satisfies Array<'operation' | 'operation_type'>,
      buckets: REQUEST_BUCKETS,
      registers,
    }),
    fieldDecisions: new Counter({
      name: 'warden_field_decisions_total',
      help: 'Reads of classified fields (internal, pii, sensitive, secret, unclassified) by the policy decision: allowed, masked or denied. Public fields are shown to everyone and not counted.',
      labelNames: ['data_class', 'decision'] satisfies Array<'data_class' | 'decision'>,
      registers,
    }),
    auditAppends: new Counter({
      name: 'warden_audit_appends_total',
      help: "Group commits of the request audit writer (reads and refusals), by outcome: committed, or failed (each of the batch's requests answered AUDIT_UNAVAILABLE).",
      labelNames: ['outcome'] satisfies Array<'outcome'>,
      registers,
    }),
    auditRowsAppended: new Counter({
      name: 'warden_audit_rows_appended_total',
      help: 'Audit rows committed by the request audit writer.',
      registers,
    }),
    auditAppendDuration: new Histogram({
      name: 'warden_audit_append_duration_seconds',
      help: "One group commit of the request audit writer, from its start to its commit or failure, the wait for the chain head's lock included, by outcome.",
      labelNames: ['outcome'] satisfies Array<'outcome'>,
      buckets: APPEND_BUCKETS,
      registers,
    }),
    notificationDeliveries: new Counter({
      name: 'warden_notification_deliveries_total',
      help: "This instance's POSTs of outbox notifications to WARDEN_WEBHOOK_URL, by outcome: delivered, or failed (retried later with backoff).",
      labelNames: ['outcome'] satisfies Array<'outcome'>,
      registers,
    }),
    notificationRetries: new Counter({
      name: 'warden_notification_retries_total',
      help: 'POSTs by this instance of notifications whose earlier delivery had failed.',
      registers,
    }),
    auditStreamLag: new Gauge({
      name: 'warden_audit_stream_lag_rows',
      help: 'Audit rows after the last one a stream destination acknowledged (WARDEN_AUDIT_STREAM_*), as of its last pass on this instance.',
      labelNames: ['destination'] satisfies Array<'destination'>,
      registers,
    }),
    auditStreamEvents: new Counter({
      name: 'warden_audit_stream_events_total',
      help: 'Audit events a stream destination acknowledged from this instance.',
      labelNames: ['destination'] satisfies Array<'destination'>,
      registers,
    }),
    auditStreamWithheld: new Counter({
      name: 'warden_audit_stream_withheld_total',
      help: 'Audit events a stream destination refused whole as too large (HTTP 413) and took without their details.',
      labelNames: ['destination'] satisfies Array<'destination'>,
      registers,
    }),
    operationLabel: boundedOperationLabels(options.maxOperationNames ?? 100),
  };
}

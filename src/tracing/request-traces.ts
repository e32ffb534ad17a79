import {
  context as otelContext,
  defaultTextMapSetter,
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ATTR, errorCodesOf } from './attributes.js';

export interface RequestTracesOptions {
  /** Where the spans go: the application's SDK, Warden's own exporter (`startTracing`), or a no-op. */
  tracerProvider: TracerProvider;
  requestIdOf: (request: Request) => string;
  /** Only requests to this path are traced (not /health, /metrics, GraphiQL's assets). @default '/graphql' */
  endpoint?: string;
}

/**
 * A span per GraphQL request, with children for its phases: authentication (and in it the
 * impersonation session's lookup), parse, validate, execute (and in it the audit write). Spans
 * are parented explicitly through the request, not through an active context, so the tree
 * holds whether or not the process registered a context manager.
 */
export interface RequestTraces {
  tracer: Tracer;
  /** The request's span and its parse and validate spans: before every plugin that may refuse a request. */
  requests: Plugin;
  /** The execution's span: after the audit trail, whose write it then contains. */
  execution: Plugin;
  /** Runs `work` in a span under the request's innermost open one; it ends when `work` settles, in error if it threw. */
  inSpan<T>(request: Request, name: string, work: (span: Span) => Promise<T>, options?: ChildSpanOptions): Promise<T>;
  /** The request's innermost open span; a span that records nothing when the request is not traced. */
  current(request: Request): Span;
  /** Adds attributes to the request's own span (who called, under which policy). */
  annotate(request: Request, attributes: Attributes): void;
}

export interface ChildSpanOptions {
  /** @default SpanKind.INTERNAL; a call to another service is SpanKind.CLIENT */
  kind?: SpanKind;
  /** Only attributes `ATTR` names (see attributes.ts): never a value read or sent. */
  attributes?: Attributes;
}

/**
 * One request's trace, as its context carries it (`GatewayContext.trace`): work run in a span
 * of its own under the request's innermost open span, and the headers that continue the trace in
 * a call to another service. When the request is not traced, the work runs in a span that
 * records nothing and no header is added.
 */
export interface RequestTrace {
  inSpan<T>(name: string, work: (span: Span) => Promise<T>, options?: ChildSpanOptions): Promise<T>;
  /** `traceparent` (W3C Trace Context) naming `span`, for a call made in it; empty when it records nothing. */
  headersFor(span: Span): Record<string, string>;
}

const PROPAGATOR = new W3CTraceContextPropagator();

/** `request`'s trace in `traces`; one that records nothing when there are none. */
export function requestTrace(traces: Pick<RequestTraces, 'inSpan'> | null | undefined, request: Request): RequestTrace {
  return {
    inSpan: (name, work, options) => (traces ? traces.inSpan(request, name, work, options) : work(NOT_TRACED)),
    headersFor(span) {
      const headers: Record<string, string> = {};
      if (span.isRecording()) PROPAGATOR.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
      return headers;
    },
  };
}

interface TracedRequest {
  root: Span;
  /** Spans open under the root, innermost last. */
  open: Span[];
}

const NOT_TRACED = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

const HEADERS: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

export function createRequestTraces(options: RequestTracesOptions): RequestTraces {
  const endpoint = options.endpoint ?? '/graphql';
  const tracer = options.tracerProvider.getTracer('warden');
  const requests = new WeakMap<object, TracedRequest>();

  const current = (request: object): Span => {
    const traced = requests.get(request);
    return traced ? (traced.open.at(-1) ?? traced.root) : NOT_TRACED;
  };
  const startChild = (request: object, name: string, options: ChildSpanOptions = {}): Span =>
    requests.has(request) ? tracer.startSpan(name, options, trace.setSpan(ROOT_CONTEXT, current(request))) : NOT_TRACED;
  const open = (request: object, span: Span) => requests.get(request)?.open.push(span);
  const close = (request: object, span: Span) => {
    const traced = requests.get(request);
    if (traced) traced.open = traced.open.filter((each) => each !== span);
    span.end();
  };

  return {
    tracer,
    current,
    annotate(request, attributes) {
      requests.get(request)?.root.setAttributes(attributes);
    },
    async inSpan(request, name, work, options) {
      const span = startChild(request, name, options);
      open(request, span);
      try {
        return await work(span);
      } catch (error) {
        // The status says that it failed; the message stays out (it may quote what was sent).
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        close(request, span);
      }
    },
    requests: {
      onRequest({ request, url }) {
        if (url.pathname !== endpoint) return;
        // A caller's `traceparent` continues its trace; baggage is not read, and its `tracestate`
        // is not kept (either could carry anything, onto every span and on to an upstream).
        const parent = withoutTraceState(PROPAGATOR.extract(ROOT_CONTEXT, request.headers, HEADERS));
        const root = tracer.startSpan(
          `${request.method} ${endpoint}`,
          { kind: SpanKind.SERVER, attributes: { [ATTR.httpMethod]: request.method, [ATTR.httpRoute]: endpoint, [ATTR.requestId]: options.requestIdOf(request) } },
          parent,
        );
        requests.set(request, { root, open: [] });
      },
      onParse({ context }) {
        const request = requestOf(context);
        if (!request) return;
        const span = startChild(request, 'graphql.parse');
        return ({ result }) => {
          if (result instanceof Error) span.setStatus({ code: SpanStatusCode.ERROR, message: 'the document does not parse' });
          span.end();
        };
      },
      onValidate({ context }) {
        const request = requestOf(context);
        if (!request) return;
        const span = startChild(request, 'graphql.validate');
        return ({ valid, result }) => {
          if (!valid) {
            span.setAttribute(ATTR.validationErrors, result.length);
            span.setStatus({ code: SpanStatusCode.ERROR, message: 'the document is not valid against the schema' });
          }
          span.end();
        };
      },
      onResponse({ request, response }) {
        const traced = requests.get(request);
        if (!traced) return;
        requests.delete(request);
        // A phase that threw past its own hooks (an execution that rejected) ends with the response.
        for (const span of traced.open) span.end();
        traced.root.setAttribute(ATTR.httpStatus, response.status);
        if (response.status >= 500) traced.root.setStatus({ code: SpanStatusCode.ERROR });
        traced.root.end();
      },
    },
    execution: {
      onExecute({ args, executeFn, setExecuteFn }) {
        const request = requestOf(args.contextValue);
        if (!request || !requests.has(request)) return;
        const operation = getOperationAST(args.document, args.operationName);
        const named: Attributes = {
          [ATTR.operationType]: operation?.operation ?? 'unknown',
          ...(operation?.name ? { [ATTR.operationName]: operation.name.value } : {}),
        };
        requests.get(request)?.root.setAttributes(named);
        const span = startChild(request, 'graphql.execute', { attributes: named });
        open(request, span);
        // Resolvers' own spans (an application's database client, say) nest under the execution
        // wherever the process registered a context manager.
        const active = trace.setSpan(ROOT_CONTEXT, span);
        setExecuteFn((executeArgs) => otelContext.with(active, () => executeFn(executeArgs)));
        return {
          onExecuteDone({ result }) {
            if (!isAsyncIterable(result)) {
              const errors: readonly GraphQLError[] = result.errors ?? [];
              span.setAttributes({ [ATTR.errorCount]: errors.length, [ATTR.errorCodes]: errorCodesOf(errors) });
              if (errors.length > 0 && !result.data) span.setStatus({ code: SpanStatusCode.ERROR });
            }
            close(request, span);
          },
        };
      },
    },
  };
}

/** The request a GraphQL context belongs to: the key its spans are kept under (a ponyfill's `Request` is no `instanceof Request`). */
function requestOf(context: unknown): object | undefined {
  const request: unknown = typeof context === 'object' && context !== null ? Reflect.get(context, 'request') : undefined;
  return typeof request === 'object' && request !== null ? request : undefined;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** The caller's trace and span ids and flags only: its free-text `tracestate` is dropped. */
function withoutTraceState(context: Context): Context {
  const spanContext = trace.getSpanContext(context);
  if (!spanContext?.traceState) return context;
  const { traceState: _dropped, ...kept } = spanContext;
  return trace.setSpanContext(context, kept);
}

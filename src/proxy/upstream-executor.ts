import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ExecutionRequest, ExecutionResult, Executor } from '@graphql-tools/utils';
import type { GraphQLError } from 'graphql';
import { wardenError } from '../errors/index.js';
import type { GatewayContext } from '../graphql/context.js';
import type { Logger } from '../log/logger.js';
import { ATTR, errorCodesOf } from '../tracing/attributes.js';
import type { UpstreamSigner } from './upstream-token.js';

export interface UpstreamEndpoint {
  /** The upstream's GraphQL endpoint (WARDEN_UPSTREAM_URL). */
  url: string;
  /** Sent with every call (WARDEN_UPSTREAM_HEADERS): an API gateway's key, say. Never logged. */
  headers?: Readonly<Record<string, string>>;
  /** A call that takes longer answers UPSTREAM_UNAVAILABLE. @default 10000 */
  timeoutMs?: number;
}

/** An upstream error code passed on as it is: a plain constant, never a sentence that could echo a value. */
const CODE_SHAPE = /^[A-Z][A-Z0-9_]{1,47}$/;

/**
 * Calls the upstream as the request's customer: the customer themselves, or, during a session,
 * the customer with the agent as actor (`act.sub`) and the session's id, in a token Warden signs
 * for this one call. A request that acts for no customer (staff outside a session) never reaches
 * the upstream: its root fields are for customers (and support acting as one) only.
 *
 * What comes back is cleaned before delegation maps it onto the response: an upstream error keeps
 * its path and its code, never its message, which may echo a value the policy masks; an upstream
 * that cannot be reached, times out, or refuses Warden's token answers UPSTREAM_UNAVAILABLE.
 *
 * Each call is a client span `warden.upstream` in the request's trace, and carries a
 * `traceparent` naming it, so the upstream's own spans join the trace. The span holds where the
 * call went (the configured host and port), how many errors came back and their cleaned codes:
 * never the document, the variables or the answer.
 */
export function upstreamExecutor(endpoint: UpstreamEndpoint, signer: UpstreamSigner, logger: Logger): Executor {
  const http = httpCalls(endpoint);
  const server = serverAttributes(endpoint.url);
  return async (request: ExecutionRequest) => {
    const context = request.context as GatewayContext | undefined;
    const customer = context?.access?.actingAs;
    if (!context || !customer) {
      return { errors: [wardenError('FORBIDDEN', 'This field reads a customer account: sign in as the customer, or start an impersonation session.')] };
    }
    const session = context.access.session;
    const token = await signer.forCustomer({
      customerId: customer.id,
      ...(session ? { actor: { id: session.agent.id }, sessionId: session.id, mode: session.mode } : {}),
    });
    return context.trace.inSpan(
      'warden.upstream',
      async (span) => {
        const headers = { ...context.trace.headersFor(span), authorization: `Bearer ${token}` };
        const result = cleanResult((await http()({ ...request, extensions: { ...request.extensions, headers } })) as ExecutionResult, context.logger ?? logger);
        const errors = result.errors ?? [];
        span.setAttributes({ [ATTR.errorCount]: errors.length, [ATTR.errorCodes]: errorCodesOf(errors) });
        if (errors.some((error) => error.extensions['code'] === 'UPSTREAM_UNAVAILABLE')) span.setStatus({ code: SpanStatusCode.ERROR });
        return result;
      },
      { kind: SpanKind.CLIENT, attributes: server },
    );
  };
}

/** Where calls to the upstream go, as a span says it: host and port of the configured URL, nothing of its path or query. */
function serverAttributes(url: string): Record<string, string | number> {
  const parsed = new URL(url);
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  return { [ATTR.serverAddress]: parsed.hostname, [ATTR.serverPort]: port };
}

/** An executor Warden calls as itself (`sub: "warden"`) with one scope: reading the schema, asking who a customer is. Its errors are cleaned as the customers' are. */
export function serviceExecutor(endpoint: UpstreamEndpoint, signer: UpstreamSigner, scope: string, logger: Logger): Executor {
  const http = httpCalls(endpoint);
  return async (request: ExecutionRequest) => {
    const token = await signer.forService(scope);
    const result = (await http()({ ...request, extensions: { ...request.extensions, headers: { authorization: `Bearer ${token}` } } })) as ExecutionResult;
    return cleanResult(result, logger);
  };
}

/**
 * An HTTP executor for one call to the upstream. executor-http joins each call's timeout to a
 * signal that lives as long as the executor, and a call's listener leaves that signal only when
 * the call is garbage-collected: on one long-lived executor they pile up under load (Node warns
 * past ten, and every new listener is checked against the pile). An executor per call keeps
 * each call's signals to itself; building one is a few closures.
 */
function httpCalls(endpoint: UpstreamEndpoint): () => Executor {
  const options = {
    endpoint: endpoint.url,
    headers: { ...endpoint.headers },
    timeout: endpoint.timeoutMs ?? 10_000,
    // Requests of different customers must never share an answer.
    deduplicateInflightRequests: false,
  };
  return () => buildHTTPExecutor(options);
}

/**
 * The upstream's answer with every error rewritten: the executor's own (the upstream unreachable,
 * a status without a GraphQL body) become UPSTREAM_UNAVAILABLE; the upstream's become
 * UPSTREAM_ERROR with their path and, when it is a plain constant, their code. Data is untouched:
 * the guard on each field masks and denies it.
 */
export function cleanResult(result: ExecutionResult, logger: Logger): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => cleanError(error, logger));
  return { ...result, errors };
}

function cleanError(error: GraphQLError, logger: Logger): GraphQLError {
  const extensions = (error.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : null;
  const status = statusOf(extensions);
  if (code === 'SUBREQUEST_HTTP_ERROR' || code === 'RESPONSE_VALIDATION_FAILED' || code === 'DOWNSTREAM_SERVICE_ERROR' || status !== null) {
    logger.warn({ upstreamCode: code, status }, 'the upstream could not be reached or refused the call: answered UPSTREAM_UNAVAILABLE');
    const why = status === 401 || status === 403 ? 'refused the token Warden signed for it (check that it trusts Warden\'s key set at /.well-known/jwks.json and its issuer and audience)' : 'could not be reached or did not answer in time';
    return withPath(wardenError('UPSTREAM_UNAVAILABLE', `The API behind Warden ${why}, so this part of the answer is missing. Try again in a moment; if it persists, tell the team that runs Warden.`), error);
  }
  const upstreamCode = code !== null && CODE_SHAPE.test(code) ? code : null;
  logger.info({ upstreamCode, path: error.path }, 'the upstream answered with an error: passed on without its message');
  return withPath(
    wardenError(
      'UPSTREAM_ERROR',
      `The API behind Warden refused this${upstreamCode ? ` (${upstreamCode})` : ''}; its message is not passed on, as it may hold values you are not shown. Check the input, or ask the customer to try it themselves.`,
      upstreamCode ? { upstreamCode } : {},
    ),
    error,
  );
}

/** The HTTP status the executor saw, when the upstream answered a status without a GraphQL result. */
function statusOf(extensions: Record<string, unknown>): number | null {
  const response = extensions['response'];
  if (typeof response !== 'object' || response === null) return null;
  const status = (response as { status?: unknown }).status;
  return typeof status === 'number' && (status < 200 || status >= 300) ? status : null;
}

/** The cleaned error at the original's path, so delegation puts it on the field that failed. */
function withPath(cleaned: GraphQLError, original: GraphQLError): GraphQLError {
  Object.defineProperty(cleaned, 'path', { value: original.path, enumerable: true });
  return cleaned;
}

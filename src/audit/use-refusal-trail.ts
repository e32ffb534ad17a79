import { hash } from 'node:crypto';
import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { wardenError } from '../errors/index.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import type { GatewayContext } from '../graphql/context.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { ATTR } from '../tracing/attributes.js';
import type { RequestTraces } from '../tracing/request-traces.js';
import type { AuditRowInput } from './append-audit-rows.js';
import { isWatchedForDenials } from './audit-event.js';
import type { AuditWriter } from './audit-writer.js';
import { explainRefusal, type RefusalFacts } from './explain-refusal.js';
import { refusalCodeOf } from './refusal-codes.js';
import { isUnrecordedRefusal, requestRow, requestRowBase, type RequestRowBase } from './request-row.js';
import { isDocument, isSingleResult } from '../graphql/result-kinds.js';

export interface RefusalTrailOptions {
  writer: AuditWriter;
  /** The request's context; rejects for a caller without a valid token, who is not recorded. */
  contextOf: (request: Request) => Promise<GatewayContext>;
  metrics: Pick<GatewayMetrics, 'refusedRequests'>;
  /** The span the refusal's write is timed in, under the request's. @default not traced */
  tracing?: Pick<RequestTraces, 'inSpan'> | undefined;
}

/** What the request said about itself before it was refused, as far as it got. */
interface Sent {
  /**
   * The document text, held only while the request runs: a refusal's row keeps its SHA-256 (what
   * was sent, without keeping it), hashed then, so requests nobody refuses hash nothing.
   */
  document: string | null;
  operationName: string | null;
  operationType: 'query' | 'mutation' | 'subscription' | null;
}

/** Clauses kept per row; the codes and messages of every refusal are in `details` all the same. */
const MAX_CLAUSES = 5;

/** A GraphQL name: what an `operationName` must be before a row repeats it. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/**
 * Every refusal of an authenticated caller that no other code recorded is on the trail: those
 * made before execution (an unreadable body, a wrong media type, a missing CSRF header, a
 * syntax error, an unknown field, a query over a limit, introspection where it is off) and
 * variables that do not coerce. One `request_refused` row per request, with the request id, the
 * operation's name (or `query`/`mutation`), the document's hash, every refusal's code and
 * message as the response gave it, and a summary in words: "Agent Sarah Lee's query as Tom
 * Baker (Acme Co) was refused: it asks for Account.nope, which does not exist". No argument or
 * variable value is kept: messages leave `useErrorCodes` without them.
 *
 * A staff member's or AI assistant's rows count toward the repeated-denials alert, in the rows'
 * own transaction.
 * Fail closed: a row that cannot be written turns the answer into AUDIT_UNAVAILABLE (503).
 *
 * It reads the result in `onResultProcess`, the one hook every refused request reaches, so it
 * must come after `useErrorCodes` (which gives every error its code) in the plugin list.
 */
export function useRefusalTrail(options: RefusalTrailOptions): Plugin<{ request?: Request }> {
  const sent = new WeakMap<Request, Sent>();
  return {
    onParams({ request, params }) {
      const query = typeof params.query === 'string' ? params.query : null;
      sent.set(request, {
        document: query,
        operationName: typeof params.operationName === 'string' && NAME.test(params.operationName) ? params.operationName : null,
        operationType: null,
      });
    },
    onParse({ context }) {
      const request = context.request;
      return ({ result }) => {
        if (!request || !isDocument(result)) return;
        const known = sent.get(request);
        if (!known) return;
        const operation = getOperationAST(result, known.operationName);
        if (!operation) return;
        known.operationType = operation.operation;
        known.operationName ??= operation.name?.value ?? null;
      };
    },
    async onResultProcess({ request, result, setResult }) {
      if (!isSingleResult(result) || !result.errors?.length) return;
      const context = await options.contextOf(request).catch(() => null);
      const audit = context?.audit;
      if (!context || !audit) return;
      const refusals = result.errors.filter((error) => isUnrecordedRefusal(error, audit.recordedErrors));
      if (refusals.length === 0) return;
      const what = sent.get(request) ?? { document: null, operationName: null, operationType: null };
      const actor = auditScopeOf(context).actor;
      const row = requestRefusedRow(requestRowBase(context, what.operationName ?? what.operationType), refusals, what);
      try {
        const denied = isWatchedForDenials(actor) ? actor : null;
        await (options.tracing
          ? options.tracing.inSpan(request, 'warden.audit.write', (span) => {
              span.setAttribute(ATTR.auditRows, 1);
              return options.writer.write([row], denied, span);
            })
          : options.writer.write([row], denied));
      } catch (error) {
        context.logger.error({ err: error }, 'audit write failed for a refused request; answered AUDIT_UNAVAILABLE');
        setResult({ errors: [wardenError('AUDIT_UNAVAILABLE', 'The audit trail could not be written, so the request is refused without its reasons. Try again in a moment.')] });
        return;
      }
      for (const error of refusals) audit.recordedErrors.add(error);
      options.metrics.refusedRequests.inc({ code: refusalCodeOf(refusals[0]) ?? 'BAD_REQUEST' });
    },
  };
}

function requestRefusedRow(base: RequestRowBase, errors: readonly GraphQLError[], what: Sent): AuditRowInput {
  const { who, as } = base;
  const refusals: RefusalFacts[] = errors.map((error) => ({ code: refusalCodeOf(error) ?? 'BAD_REQUEST', message: error.message }));
  const clauses = [...new Set(refusals.map(explainRefusal))];
  const shown = clauses.slice(0, MAX_CLAUSES).join('; ') + (clauses.length > MAX_CLAUSES ? `; and ${clauses.length - MAX_CLAUSES} more` : '');
  const code = refusals[0]?.code ?? 'BAD_REQUEST';
  return requestRow(base, {
    kind: 'request_refused',
    type_field: null,
    decision: 'refused',
    path: null,
    reason: clauses[0] ?? null,
    details: {
      code,
      refusals,
      ...(what.document !== null ? { documentHash: hash('sha256', what.document, 'hex') } : {}),
      ...(what.operationName ? { operationName: what.operationName } : {}),
    },
    // An assistant's label names whom it works for ("Assistant Triage-Bot, for Agent Sarah Lee,"): no possessive fits after it.
    summary:
      base.actor_kind === 'assistant'
        ? `${who} was refused a ${what.operationType ?? 'request'}${as}: ${shown}`
        : `${who}'s ${what.operationType ?? 'request'}${as} was refused: ${shown}`,
  });
}

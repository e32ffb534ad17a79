import { getVariableValues, GraphQLError, Kind, type ASTNode, type DefinitionNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { shownMessage, wardenError } from '../errors/index.js';
import { auditScopeOf, operationLabel } from '../graphql/audit-scope.js';
import type { GatewayContext } from '../graphql/context.js';
import { countFieldDecisions } from '../metrics/count-field-decisions.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { ATTR, fieldDecisionAttributes } from '../tracing/attributes.js';
import type { RequestTraces } from '../tracing/request-traces.js';
import type { AuditRowInput } from './append-audit-rows.js';
import { isWatchedForDenials } from './audit-event.js';
import type { AuditWriter } from './audit-writer.js';
import { fieldCoordinatesOf } from './field-coordinates.js';
import type { FieldReadGroup } from './field-read-recorder.js';
import { publicReads, readPathOf } from './public-reads.js';
import { rootArguments, type RootArguments } from './root-arguments.js';
import { isDenialCode, refusalCodeOf } from './refusal-codes.js';
import { isUnrecordedRefusal, requestRow, requestRowBase, type RequestRowBase } from './request-row.js';
import { fieldReadsDetails, sharesRow, shownReadsDetails, type SharedClass } from './shown-reads-row.js';

export interface AuditTrailOptions {
  writer: AuditWriter;
  /** Where the request's field decisions are counted, from the reads the audit grouped. @default not counted */
  metrics?: Pick<GatewayMetrics, 'fieldDecisions'> | undefined;
  /** Where the request's decision counts go (its execution's span), and the span its write is timed in. @default not traced */
  tracing?: Pick<RequestTraces, 'current' | 'inSpan'> | undefined;
}

/** Example paths kept per refusal row, as per field-read row. */
const MAX_PATHS = 20;

/**
 * Writes what a request read (and was refused) before its response leaves: classified reads as
 * the policy wrapper saw them, public reads counted from the result, refusals from its errors.
 * If the write fails, the response carries no data: AUDIT_UNAVAILABLE, status 503.
 *
 * Streamed results (subscriptions, and @defer or @stream should an executor ever produce them)
 * are refused: their parts would leave one by one, before anything could be recorded.
 */
export function useAuditTrail(options: AuditTrailOptions): Plugin<GatewayContext> {
  return {
    onSubscribe({ setResultAndStopExecution }) {
      setResultAndStopExecution({ errors: [streamRefused()] });
    },
    onExecute({ args }) {
      const context = args.contextValue;
      return {
        async onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) {
            // Nothing of it has been read yet: close it, so its resolvers stop, and answer instead.
            await result.return?.();
            setResult({ errors: [streamRefused()] });
            return;
          }
          const audit = context.audit;
          if (!audit) return;
          // An operation's own audit record could not be written, and its change rolled back:
          // nothing else of the response leaves either.
          const unavailable = result.errors?.find((e) => e.extensions['code'] === 'AUDIT_UNAVAILABLE');
          if (unavailable) {
            context.logger.error({ err: unavailable.originalError ?? unavailable }, 'audit write failed inside the operation; response withheld');
            setResult({ errors: [unavailable] });
            return;
          }
          const operation = args.document.definitions.find(
            (d: DefinitionNode): d is OperationDefinitionNode =>
              d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
          );
          if (operation && result.data && audit.recorder.recordsReads) {
            const errored = new Set((result.errors ?? []).flatMap((e) => (e.path ? [readPathOf(e.path)] : [])));
            const reads = publicReads(args.schema, args.document, operation, result.data, context.policyCatalog.fields, errored, audit.recorder.returnedObjects);
            for (const read of reads) audit.recorder.add(read.typeField, read.count, read.paths, read.objectIds, read.subjectIds);
          }
          const base = requestRowBase(context, operation ? operationLabel(operation) : null);
          const groups = audit.recorder.groups();
          const unkept = audit.recorder.unkeptReads();
          if (options.metrics) countFieldDecisions(options.metrics.fieldDecisions, groups, unkept);
          const request = args.contextValue.request;
          const executeSpan = options.tracing?.current(request);
          if (executeSpan?.isRecording()) executeSpan.setAttributes(fieldDecisionAttributes([...groups, ...unkept]));
          const refusals = (result.errors ?? []).filter((e) => isUnrecordedRefusal(e, audit.recordedErrors));
          const actor = auditScopeOf(context).actor;
          // What staff searched for, or which ids they asked for, goes with the root field's rows.
          const asked = operation && actor.kind === 'staff' ? askedFor(args, operation, context) : NOTHING_ASKED;
          const rows = [
            ...fieldReadRows(base, groups, asked),
            ...refusalRows(base, refusals, fieldCoordinatesOf(args.schema, args.document, refusals), asked),
          ];
          // Denials recorded here (firewall, argument policy, resolvers' refusals, denied fields)
          // count towards the repeated-denials alert, checked in the same transaction as the rows.
          const denied =
            isWatchedForDenials(actor) && (groups.some((group) => group.decision === 'denied') || refusals.some((e) => isDenialCode(refusalCodeOf(e))));
          try {
            const deniedActor = denied ? actor : null;
            // A request that read nothing kept writes nothing: no span for it.
            await (options.tracing && rows.length > 0
              ? options.tracing.inSpan(request, 'warden.audit.write', (span) => {
                  span.setAttribute(ATTR.auditRows, rows.length);
                  return options.writer.write(rows, deniedActor, span);
                })
              : options.writer.write(rows, deniedActor));
            // Recorded now, as refusals or denied reads: the refusal trail leaves them alone.
            for (const error of result.errors ?? []) if (refusalCodeOf(error) !== null) audit.recordedErrors.add(error);
          } catch (error) {
            context.logger.error({ err: error }, 'audit write failed; response withheld');
            setResult({
              errors: [wardenError('AUDIT_UNAVAILABLE', 'The audit trail could not be written, so no data is returned. Try again in a moment.')],
            });
            return;
          }
        },
      };
    },
  };
}

function streamRefused(): GraphQLError {
  return wardenError(
    'BAD_REQUEST',
    'Streamed results (subscriptions, @defer, @stream) are not served: every response is recorded in the audit trail before it leaves, and a stream cannot be. Ask for the data in one response.',
  );
}

function isAsyncIterable<T>(value: T | AsyncIterableIterator<T>): value is AsyncIterableIterator<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

const NOTHING_ASKED: RootArguments = new Map();

/** The root fields' data-choosing arguments, with the variables as execution coerced them. */
function askedFor(args: { schema: GraphQLSchema; document: DocumentNode; variableValues?: Record<string, unknown> | null | undefined }, operation: OperationDefinitionNode, context: GatewayContext): RootArguments {
  if (!operation.selectionSet.selections.some((selection) => selection.kind !== Kind.FIELD || (selection.arguments?.length ?? 0) > 0)) return NOTHING_ASKED;
  const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
  return variables.coerced ? rootArguments(args.schema, args.document, operation, variables.coerced, context.policyCatalog.fields) : NOTHING_ASKED;
}

/**
 * The request's reads as rows: the public fields it was shown in one row, the internal ones in
 * another (`shownReadsDetails`), every other field a row per decision.
 */
function fieldReadRows(base: RequestRowBase, groups: readonly FieldReadGroup[], asked: RootArguments): AuditRowInput[] {
  const shared = new Map<SharedClass, FieldReadGroup[]>();
  const own: AuditRowInput[] = [];
  for (const group of groups) {
    if (!sharesRow(group)) {
      own.push(fieldReadRow(base, group, asked.get(group.typeField)));
      continue;
    }
    const same = shared.get(group.dataClass);
    if (same) same.push(group);
    else shared.set(group.dataClass, [group]);
  }
  return [...[...shared].map(([dataClass, reads]) => sharedReadRow(base, dataClass, reads, asked)), ...own];
}

function sharedReadRow(base: RequestRowBase, dataClass: SharedClass, groups: readonly FieldReadGroup[], asked: RootArguments): AuditRowInput {
  const fields = `${groups.length} ${dataClass} field${groups.length === 1 ? '' : 's'}`;
  return requestRow(base, {
    kind: 'field_read',
    type_field: null,
    data_class: dataClass,
    decision: 'allowed',
    path: null,
    details: shownReadsDetails(groups, (typeField) => asked.get(typeField)),
    summary: `${base.who} read ${fields} (shown)${base.as}: ${firstFew(groups.map((group) => group.typeField))}`,
  });
}

function fieldReadRow(base: RequestRowBase, group: FieldReadGroup, asked: Readonly<Record<string, Record<string, unknown>>> | undefined): AuditRowInput {
  const times = group.count === 1 ? 'once' : `${group.count} times`;
  const shown = group.decision === 'allowed' ? 'shown' : group.decision === 'masked' ? 'masked' : 'denied';
  return requestRow(base, {
    kind: 'field_read',
    type_field: group.typeField,
    data_class: group.dataClass ?? 'unclassified',
    decision: group.decision,
    path: group.paths[0] ?? null,
    details: fieldReadsDetails(group, asked, group.paths, true),
    summary: `${base.who} read ${group.typeField} ${times} (${shown})${base.as}${group.objectIds.length ? `: ${firstFew(group.objectIds)}` : ''}`,
  });
}

/** A summary's list: the first five, and an ellipsis if there are more. */
function firstFew(items: readonly string[]): string {
  return `${items.slice(0, 5).join(', ')}${items.length > 5 ? ', …' : ''}`;
}

/**
 * One row per field, code and message refused in the request (a colleague's birth date refused
 * on three users is one row, counted three times, with the paths), named by the field refused:
 * its `extensions.field`, else the field the error was raised at.
 */
function refusalRows(base: RequestRowBase, errors: readonly GraphQLError[], coordinates: ReadonlyMap<ASTNode, string>, asked: RootArguments): AuditRowInput[] {
  const rows = new Map<string, { row: AuditRowInput; details: { count: number; paths: string[]; arguments?: Record<string, unknown> } }>();
  for (const error of errors) {
    const named = error.extensions['field'];
    const node = error.nodes?.[0];
    const field = typeof named === 'string' ? named : ((node && coordinates.get(node)) ?? null);
    const code = error.extensions['code'];
    // As the response will say it: a message about bad input may quote the input.
    const message = shownMessage(error.message);
    const path = error.path ? readPathOf(error.path) : null;
    const key = `${field ?? ''}\u0000${String(code)}\u0000${message}`;
    // A root field refused: what it was asked for.
    const responseKey = error.path?.length === 1 ? String(error.path[0]) : null;
    const chosen = field && responseKey !== null ? asked.get(field)?.[responseKey] : undefined;
    const existing = rows.get(key)?.details;
    if (existing) {
      existing.count += 1;
      if (path !== null && existing.paths.length < MAX_PATHS) existing.paths.push(path);
      if (chosen && responseKey !== null) existing.arguments = { ...existing.arguments, [responseKey]: chosen };
      continue;
    }
    const details = { code, message, count: 1, paths: path === null ? [] : [path], ...(chosen && responseKey !== null ? { arguments: { [responseKey]: chosen } } : {}) };
    const row = requestRow(base, {
      kind: 'access_denied',
      type_field: field,
      decision: 'denied',
      path,
      reason: message,
      details,
      summary: `${base.who} was refused${field ? ` ${field}` : ''}${base.as}: ${message}`,
    });
    rows.set(key, { row, details });
  }
  return [...rows.values()].map(({ row }) => row);
}

import { isWatchedForDenials } from '../audit/audit-event.js';
import type { AuditWriter } from '../audit/audit-writer.js';
import { requestRow, requestRowBase } from '../audit/request-row.js';
import { auditActorOf } from '../graphql/audit-scope.js';
import type { GatewayContext } from '../graphql/context.js';
import type { ErrorCode } from '../errors/index.js';

/** A tool call refused before anything ran: what it was, and why in a clause an auditor reads after "was refused:". */
export interface ToolRefusal {
  /** The tool name as sent, when it is a plausible name; a name that is not is never stored. */
  tool: string | null;
  code: ErrorCode;
  message: string;
  clause: string;
}

/** A name worth repeating in the trail: what MCP allows in a tool name. */
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export function shownToolName(name: unknown): string | null {
  return typeof name === 'string' && TOOL_NAME.test(name) ? name : null;
}

/**
 * Records a refused tool call as the GraphQL endpoint records a request refused before it ran:
 * one `request_refused` row, with the caller, whom they act as, the request id, the tool as the
 * operation, the code and a summary ("Agent Sarah Lee's MCP tool call as Tom Baker (Acme Co)
 * was refused: …"; "Assistant Triage-Bot, for Agent Sarah Lee, was refused an MCP tool call as
 * …: …"). An assistant's row names its chain in `details.chain`, as its other rows do. A
 * staff member's or an assistant's rows count toward the repeated-denials alert. Rejects when the row could not
 * be written: the caller then answers AUDIT_UNAVAILABLE (fail closed).
 */
export async function recordToolRefusal(writer: AuditWriter, context: GatewayContext, refusal: ToolRefusal): Promise<void> {
  const base = requestRowBase(context, refusal.tool);
  const { who, as } = base;
  const actor = auditActorOf(context);
  await writer.write(
    [
      requestRow(base, {
        kind: 'request_refused',
        type_field: null,
        decision: 'refused',
        path: null,
        reason: refusal.clause,
        details: { code: refusal.code, refusals: [{ code: refusal.code, message: refusal.message }], via: 'mcp', ...(refusal.tool ? { tool: refusal.tool } : {}) },
        // An assistant's label names whom it works for ("Assistant Triage-Bot, for Agent Sarah Lee,"): no possessive fits after it.
        summary: actor.kind === 'assistant' ? `${who} was refused an MCP tool call${as}: ${refusal.clause}` : `${who}'s MCP tool call${as} was refused: ${refusal.clause}`,
      }),
    ],
    isWatchedForDenials(actor) ? actor : null,
  );
}

import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { GatewayContext } from '../graphql/context.js';
import { admits } from '../firewall/admits.js';
import type { Callers } from '../policy/plugin/types.js';
import { REQUEST_APPROVAL_TOOL, undeclaredArguments, type McpTool } from './mcp-tools.js';
import { gateCouldPass } from './offered-tools.js';
import { runTool, type ToolCall } from './run-tool.js';
import type { ToolRefusal } from './tool-refusal.js';

/** Warden's own operation behind the tool: the same request an agent sends over GraphQL. */
const REQUEST_APPROVAL_DOCUMENT = `mutation ${REQUEST_APPROVAL_TOOL}($input: RequestMutationApprovalInput!) {
  requestMutationApproval(input: $input) { id kind status sessionId summary }
}`;

/** Who may call `requestMutationApproval` (its `callers`). */
const REQUEST_APPROVAL_CALLERS: Callers = 'staff';

export interface ApprovalTool {
  listed: Tool;
  /** The risky tool, its arguments and the reason the call names; or why it cannot be asked for. */
  check(args: Record<string, unknown>): { tool: McpTool; variables: Record<string, unknown>; reason: string } | { refusal: Omit<ToolRefusal, 'tool'> };
}

/**
 * `RequestApproval`, offered beside the risky tools a caller may run in a read-write session:
 * it asks a manager to approve one exact call (the tool's operation and these arguments, as
 * `requestMutationApproval` does for any client), which then runs once, within the approval's
 * lifetime. Elsewhere no risky tool could ever run on an approval, and it is not offered; nor
 * to an AI assistant, whose every change becomes a request by itself.
 */
export function approvalTool(offered: readonly McpTool[], context: GatewayContext): ApprovalTool | null {
  if (context.access.session?.mode !== 'read_write') return null;
  // requestMutationApproval is for staff, and a session control: an assistant's changes become requests by themselves (`proposeAssistantWrite`).
  if (!admits(REQUEST_APPROVAL_CALLERS, context.principal, context.access) || !gateCouldPass('session-control', context)) return null;
  const risky = offered.filter((tool) => tool.operation === 'mutation' && tool.rootFields.some((field) => field.risk === 'risky'));
  if (risky.length === 0) return null;
  return {
    listed: {
      name: REQUEST_APPROVAL_TOOL,
      description:
        'Ask a manager to approve one exact call of a risky tool in this session. Use it when a tool answers APPROVAL_REQUIRED; once approved, call the tool again with exactly the same arguments: it runs once.',
      inputSchema: {
        type: 'object',
        properties: {
          tool: { type: 'string', enum: risky.map((tool) => tool.name), description: 'The tool to be approved.' },
          arguments: { type: 'object', description: 'The arguments the tool will be called with: the approval is for these exact values.' },
          reason: { type: 'string', description: 'Why the change is needed, for the manager deciding: what is wrong and what the change fixes.' },
        },
        required: ['tool', 'reason'],
        additionalProperties: false,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    check(args) {
      const tool = risky.find((candidate) => candidate.name === args['tool']);
      if (!tool) {
        return { refusal: { code: 'TOOL_NOT_OFFERED', message: `Name one of your risky tools as "tool" (${risky.map((t) => t.name).join(', ')}).`, clause: `it asked to approve a call of a tool that is not among the caller's risky tools` } };
      }
      const reason = args['reason'];
      const variables = args['arguments'] ?? {};
      const extra = Object.keys(args).filter((key) => !['tool', 'arguments', 'reason'].includes(key));
      if (typeof reason !== 'string' || typeof variables !== 'object' || variables === null || Array.isArray(variables) || extra.length > 0) {
        return { refusal: { code: 'BAD_USER_INPUT', message: `Send "tool", "reason" (a sentence for the manager) and "arguments" (an object), nothing else.`, clause: `its request for an approval of ${tool.name} did not fit the tool's input` } };
      }
      const unknown = undeclaredArguments(tool, { ...variables });
      if (unknown) return { refusal: { code: 'BAD_USER_INPUT', message: unknown, clause: `it asked to approve ${tool.name} with arguments the tool does not take` } };
      return { tool, variables: { ...variables }, reason };
    },
  };
}

/** Asks for the approval through the GraphQL endpoint, as the caller: recorded, notified and decided as any request. */
export function requestApproval(tool: McpTool, variables: Record<string, unknown>, reason: string, call: ToolCall): Promise<CallToolResult> {
  return runTool(
    { name: REQUEST_APPROVAL_TOOL, document: REQUEST_APPROVAL_DOCUMENT },
    { input: { document: tool.document, variables: JSON.stringify(variables), reason } },
    call,
  );
}

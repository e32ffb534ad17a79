import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { wardenError, type ErrorCode } from '../errors/index.js';
import type { McpTool } from './mcp-tools.js';

/** Headers of the MCP request that are the transport's own, not the caller's: never passed on. */
const TRANSPORT_HEADERS = ['content-type', 'content-length', 'accept', 'accept-encoding', 'mcp-session-id', 'mcp-protocol-version', 'last-event-id'];

export interface ToolCall {
  /** The MCP request the call came in: its headers (the bearer token, the impersonation token) go with the call. */
  request: Request;
  requestId: string;
  /** The gateway's GraphQL endpoint, e.g. `/graphql`. */
  endpoint: string;
  /** The gateway's own fetch handler: the call takes the whole pipeline, every plugin as for any client. */
  graphql: (request: Request) => Response | Promise<Response>;
}

/**
 * Runs a tool's operation as a GraphQL request of the same caller, through the gateway's own
 * handler: authentication, the session, the firewall, the policy's masks and denials, the
 * mutation gate and the audit trail apply exactly as they do at the GraphQL endpoint. The
 * caller's headers go with it (whatever the application reads to know whose data a request
 * reaches), and the MCP request's id, so the call's audit rows carry the id the MCP answer does.
 */
export async function runTool(tool: Pick<McpTool, 'name' | 'document'>, variables: Record<string, unknown>, call: ToolCall): Promise<CallToolResult> {
  const headers = new Headers(call.request.headers);
  for (const name of TRANSPORT_HEADERS) headers.delete(name);
  headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  headers.set('x-request-id', call.requestId);
  const response = await call.graphql(
    new Request(new URL(call.endpoint, call.request.url), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: tool.document, variables, operationName: tool.name }),
    }),
  );
  const result: unknown = await response.json().catch(() => null);
  if (!isGraphQLResult(result)) return toolError('INTERNAL_SERVER_ERROR', 'The gateway answered the call with something other than a GraphQL result; try again, and report it with the request id if it persists.');
  return toolResult(result);
}

/**
 * A GraphQL result as a tool's result: the whole result (data, errors with their codes, the
 * impersonation banner in `extensions`) as structured content and as text. It is an error when
 * no data came back; a partial result (a field denied among others shown) is not, and its
 * errors say what was withheld.
 */
export function toolResult(result: GraphQLResult): CallToolResult {
  return {
    content: [{ type: 'text', text: JSON.stringify(result) }],
    structuredContent: result,
    isError: result.data === undefined || result.data === null,
  };
}

/**
 * A refusal of Warden's as a tool's result, shaped as a GraphQL result so every answer reads
 * alike; during a session it carries the banner (`impersonation`), as every GraphQL answer does.
 */
export function toolError(code: ErrorCode, message: string, impersonation: object | null = null): CallToolResult {
  const error = wardenError(code, message);
  const { http: _http, ...extensions } = error.extensions;
  return toolResult({ errors: [{ message: error.message, extensions }], ...(impersonation ? { extensions: { impersonation } } : {}) });
}

export interface GraphQLResult {
  [key: string]: unknown;
  data?: unknown;
  errors?: unknown[];
  extensions?: Record<string, unknown>;
}

function isGraphQLResult(value: unknown): value is GraphQLResult {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ('data' in value || 'errors' in value);
}

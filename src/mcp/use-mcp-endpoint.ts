import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { CallToolRequestSchema, ErrorCode as JsonRpcCode, ListToolsRequestSchema, McpError, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AuditWriter } from '../audit/audit-writer.js';
import { Unauthenticated } from '../auth/unauthenticated.js';
import { errorCodeOf, wardenError, type ErrorCode } from '../errors/index.js';
import type { GatewayContext } from '../graphql/context.js';
import { impersonationExtension } from '../impersonation/use-impersonation-extensions.js';
import type { Logger } from '../log/logger.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { WARDEN_VERSION } from '../package-version.js';
import { REQUEST_APPROVAL_TOOL, undeclaredArguments, type McpTool } from './mcp-tools.js';
import { offeredTools } from './offered-tools.js';
import { approvalTool, requestApproval } from './request-approval.js';
import { runTool, toolError } from './run-tool.js';
import { recordToolRefusal, shownToolName, type ToolRefusal } from './tool-refusal.js';

export interface McpEndpointOptions {
  /** The declared operations, checked (`prepareMcpTools`). */
  tools: readonly McpTool[];
  /** The request's context, as the GraphQL endpoint builds it: rejects for a caller without a valid token. */
  contextOf: (request: Request) => Promise<GatewayContext>;
  requestIdOf: (request: Request) => string;
  /** The gateway's own fetch handler, which every tool call goes through. */
  graphql: (request: Request) => Response | Promise<Response>;
  /** Where refused tool calls are recorded. */
  writer: AuditWriter;
  /** Origins besides the endpoint's own whose pages may call it (WARDEN_CORS_ORIGINS). */
  origins: readonly string[];
  maxBodyBytes: number;
  logger: Logger;
  /** Strangers and refused calls are counted as at the GraphQL endpoint. */
  metrics: Pick<GatewayMetrics, 'unauthenticatedRequests' | 'refusedRequests'>;
  /** @default '/mcp' */
  path?: string;
  /** @default '/graphql' */
  graphqlEndpoint?: string;
}

/** What the initialize answer tells a client about every tool (sent only to an authenticated caller). */
const INSTRUCTIONS = [
  'Each tool runs one GraphQL operation through Warden as you, and its result is the GraphQL result.',
  'Values your policy masks arrive masked; a denied field is null with an error whose extensions.code is FIELD_DENIED. Every call is on the audit trail.',
  'In an impersonation session, extensions.impersonation says who acts as whom: show its banner line.',
].join(' ');
const PERSON_CHANGES = `A risky change answers APPROVAL_REQUIRED: call ${REQUEST_APPROVAL_TOOL} with the tool, the same arguments and a reason, wait for a manager, then call the tool again with the same arguments; it runs once.`;
/** An assistant's changes become requests by themselves (`proposeAssistantWrite`): it has no approval tool to call. */
const ASSISTANT_CHANGES =
  'Personal data arrives as pseudonyms, stable within the session. A change you send answers APPROVAL_REQUIRED with extensions.approvalRequest: a person decides it (the agent who delegated the session, or a manager for a risky change); once approved, call the tool again with the same arguments; it runs once.';

/**
 * The MCP endpoint (Streamable HTTP, stateless): each POST gets a server and a transport of its
 * own, answers in JSON, and keeps nothing afterwards, so any instance behind a load balancer can
 * answer any message and nothing is held between requests (as for GraphQL).
 *
 * Before the SDK sees anything, the caller is authenticated exactly as at the GraphQL endpoint
 * (no valid token: 401, and not a word about the tools or the server), and a page's `Origin`
 * must be the endpoint's own or one listed in WARDEN_CORS_ORIGINS. The tools listed are those
 * the caller's policy could ever allow (`offeredTools`); a call of any other is refused with
 * TOOL_NOT_OFFERED before anything runs, and recorded. A tool call is a GraphQL request of the
 * same caller through the gateway's own handler (`runTool`).
 */
export function useMcpEndpoint(options: McpEndpointOptions): Plugin {
  const path = options.path ?? '/mcp';
  const graphqlEndpoint = options.graphqlEndpoint ?? '/graphql';
  const origins = new Set(options.origins);
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== path) return;
      endResponse(noStore(await answer(request, url)));
    },
  };

  async function answer(request: Request, url: URL): Promise<Response> {
    let context: GatewayContext;
    try {
      context = await options.contextOf(request);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      if (error instanceof Unauthenticated) {
        options.metrics.unauthenticatedRequests.inc({ because: error.because });
        options.logger.info({ requestId: options.requestIdOf(request), because: error.because }, 'MCP request refused: no valid token');
      }
      return jsonRpcError(error);
    }
    const origin = request.headers.get('origin');
    if (origin !== null && origin !== url.origin && !origins.has(origin)) {
      const refusal = wardenError('FORBIDDEN', 'Pages of this origin may not call the MCP endpoint; call it from an MCP client, or ask for the origin to be listed in WARDEN_CORS_ORIGINS.', { http: { status: 403 } });
      const recorded = await record(context, { tool: null, code: 'FORBIDDEN', message: refusal.message, clause: 'it came from a page of an origin that is not allowed' });
      return jsonRpcError(recorded ? refusal : wardenError('AUDIT_UNAVAILABLE', AUDIT_UNAVAILABLE));
    }
    // Stateless: no stream to open with GET, no session to end with DELETE. Not a refusal to
    // record: 405 is how the protocol says so, and clients ask with GET after every initialize.
    if (request.method !== 'POST') {
      return Response.json(
        { jsonrpc: '2.0', id: null, error: { code: REFUSED, message: 'This MCP endpoint is stateless: send each message with POST.', data: { code: 'BAD_REQUEST' } } },
        { status: 405, headers: { allow: 'POST' } },
      );
    }
    const server = serverFor(request, context);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: options.maxBodyBytes });
    try {
      await server.connect(transport);
      return await withRefusalsRecorded(context, await transport.handleRequest(request));
    } finally {
      await server.close();
    }
  }

  /**
   * What the MCP SDK refused itself, before any tool ran (a body that is not JSON-RPC, a media
   * type, an Accept header, a protocol version, the body size, a method or params it does not
   * take), is a refusal of a known caller like any other: recorded (one row for the request),
   * and each error given Warden's code in \`data.code\`. Errors that carry one already were
   * Warden's own, recorded where they were raised. Fail closed: AUDIT_UNAVAILABLE when the row
   * cannot be written.
   */
  async function withRefusalsRecorded(context: GatewayContext, response: Response): Promise<Response> {
    if (!/^application\/json/.test(response.headers.get('content-type') ?? '')) return response;
    const text = await response.text();
    // A JSON-RPC error is the only place the key `"error"` stands unescaped: a tool's result,
    // however large, is not read again.
    if (!text.includes('"error":')) return new Response(text, response);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return new Response(text, response);
    }
    const refused = (Array.isArray(body) ? body : [body]).flatMap((message: unknown) => {
      const error: unknown = typeof message === 'object' && message !== null ? Reflect.get(message, 'error') : undefined;
      if (typeof error !== 'object' || error === null) return [];
      const data: unknown = Reflect.get(error, 'data');
      return typeof data === 'object' && data !== null && typeof Reflect.get(data, 'code') === 'string' ? [] : [error as { code?: unknown; message?: unknown; data?: unknown }];
    });
    if (refused.length === 0) return new Response(text, response);
    const refusals: Array<{ code: ErrorCode; message: string; clause: string }> = [];
    for (const error of refused) {
      const refusal = sdkRefusal(error, response.status);
      if (refusal === null) {
        // One of Warden's handlers failed: a server error, not the caller's; its message stays in the log.
        context.logger.error({ mcpError: error.message }, 'an MCP handler failed');
        error.message = 'Unexpected error.';
        error.data = { code: 'INTERNAL_SERVER_ERROR' };
        continue;
      }
      error.message = refusal.message;
      error.data = { code: refusal.code };
      refusals.push(refusal);
    }
    const [first] = refusals;
    const clause = [...new Set(refusals.map((refusal) => refusal.clause))].join('; ');
    if (first && !(await record(context, { tool: null, code: first.code, message: first.message, clause }))) {
      return jsonRpcError(wardenError('AUDIT_UNAVAILABLE', AUDIT_UNAVAILABLE, { http: { status: 503 } }));
    }
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers });
  }

  function serverFor(request: Request, context: GatewayContext): Server {
    const changes = context.principal.kind === 'assistant' ? ASSISTANT_CHANGES : PERSON_CHANGES;
    const server = new Server({ name: 'warden', version: WARDEN_VERSION }, { capabilities: { tools: {} }, instructions: `${INSTRUCTIONS} ${changes}` });
    const offered = offeredTools(options.tools, context);
    const approvals = approvalTool(offered, context);
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: [...offered.map(listed), ...(approvals ? [approvals.listed] : [])],
    }));
    server.setRequestHandler(CallToolRequestSchema, async ({ params }): Promise<CallToolResult> => {
      const call = { request, requestId: context.requestId, endpoint: graphqlEndpoint, graphql: options.graphql };
      const args = params.arguments ?? {};
      if (params.name === REQUEST_APPROVAL_TOOL && approvals) {
        const checked = approvals.check(args);
        if ('refusal' in checked) return refuseCall(context, { ...checked.refusal, tool: REQUEST_APPROVAL_TOOL });
        return requestApproval(checked.tool, checked.variables, checked.reason, call);
      }
      const tool = offered.find((candidate) => candidate.name === params.name);
      if (!tool) {
        const name = shownToolName(params.name);
        const message = `${name ? `"${name}"` : 'That name'} is not one of your tools; list them (tools/list) and call one of those.`;
        if (!(await record(context, { tool: name, code: 'TOOL_NOT_OFFERED', message, clause: name ? `it named the tool ${name}, which is not among the caller's tools` : "it named a tool that is not among the caller's tools" }))) {
          throw new McpError(JsonRpcCode.InternalError, AUDIT_UNAVAILABLE, { code: 'AUDIT_UNAVAILABLE' });
        }
        throw new McpError(JsonRpcCode.InvalidParams, message, { code: 'TOOL_NOT_OFFERED' });
      }
      const unknown = undeclaredArguments(tool, args);
      if (unknown) {
        return refuseCall(context, { tool: tool.name, code: 'BAD_USER_INPUT', message: unknown, clause: `it gave ${tool.name} arguments the tool does not take` });
      }
      return runTool(tool, args, call);
    });
    return server;
  }

  /** Records a refused call, then answers it as a tool error with the refusal's code (AUDIT_UNAVAILABLE when it could not be recorded). */
  async function refuseCall(context: GatewayContext, refusal: ToolRefusal): Promise<CallToolResult> {
    const impersonation = impersonationExtension(context);
    if (!(await record(context, refusal))) return toolError('AUDIT_UNAVAILABLE', AUDIT_UNAVAILABLE, impersonation);
    return toolError(refusal.code, refusal.message, impersonation);
  }

  /** False when the refusal could not be recorded: the caller then answers AUDIT_UNAVAILABLE (fail closed). */
  async function record(context: GatewayContext, refusal: ToolRefusal): Promise<boolean> {
    try {
      await recordToolRefusal(options.writer, context, refusal);
      options.metrics.refusedRequests.inc({ code: refusal.code });
      return true;
    } catch (error) {
      context.logger.error({ err: error }, 'audit write failed for a refused MCP call; answered AUDIT_UNAVAILABLE');
      return false;
    }
  }
}

const AUDIT_UNAVAILABLE = 'The audit trail could not be written, so the call is refused. Try again in a moment.';

function listed(tool: McpTool): Tool {
  const risky = tool.operation === 'mutation' && tool.rootFields.some((field) => field.risk === 'risky');
  return {
    name: tool.name,
    description: tool.description,
    inputSchema: tool.inputSchema,
    annotations: { readOnlyHint: tool.operation === 'query', destructiveHint: risky, openWorldHint: false },
  };
}

/**
 * A refusal before the MCP server ran, as JSON-RPC: the HTTP status the GraphQL endpoint would
 * give (401 with `WWW-Authenticate: Bearer` for a missing or bad token), Warden's code in
 * `error.data.code`, and the sentence saying what to do.
 */
function jsonRpcError(error: GraphQLError): Response {
  const http = error.extensions['http'];
  const status = isHttpExtension(http) && typeof http.status === 'number' ? http.status : 403;
  const headers = isHttpExtension(http) && isStringRecord(http.headers) ? http.headers : {};
  return Response.json({ jsonrpc: '2.0', id: null, error: { code: REFUSED, message: error.message, data: { code: errorCodeOf(error) ?? 'FORBIDDEN' } } }, { status, headers });
}

/**
 * An error the MCP SDK answered with, as Warden states it: its code, the sentence the caller
 * gets (the SDK's own, or for params that do not fit a method, a sentence instead of the schema
 * checker's dump of them) and the clause its audit row gives.
 */
function sdkRefusal(error: { code?: unknown; message?: unknown }, status: number): { code: ErrorCode; message: string; clause: string } | null {
  const message = typeof error.message === 'string' ? error.message : 'The MCP message was refused.';
  switch (error.code) {
    case JsonRpcCode.ParseError:
      return { code: 'BAD_REQUEST', message, clause: 'its body is not valid JSON-RPC' };
    case JsonRpcCode.MethodNotFound:
      return { code: 'BAD_REQUEST', message, clause: 'it called an MCP method this endpoint does not offer' };
    case JsonRpcCode.InternalError:
      // The SDK answers a message whose params fail its schema with InternalError and the schema
      // checker's report (a JSON list of issues); anything else is a handler of Warden's failing.
      return isSchemaReport(message) ? paramsRefusal() : null;
    case JsonRpcCode.InvalidParams:
      return paramsRefusal();
  }
  switch (status) {
    case 406:
      return { code: 'BAD_REQUEST', message, clause: 'its Accept header does not take both JSON and an event stream' };
    case 413:
      return { code: 'BAD_REQUEST', message, clause: 'its body is over the size limit' };
    case 415:
      return { code: 'BAD_REQUEST', message, clause: 'it was not sent as JSON' };
    default:
      // The SDK quotes the version a client sent: neither the answer nor the trail repeats it.
      if (/protocol version/i.test(message)) {
        return {
          code: 'BAD_REQUEST',
          message: 'The MCP protocol version sent (mcp-protocol-version) is not one this endpoint speaks; send the one the initialize answer names.',
          clause: 'it named an MCP protocol version this endpoint does not speak',
        };
      }
      return { code: 'BAD_REQUEST', message, clause: `the MCP endpoint refused it: ${message.slice(0, 120)}` };
  }
}

function paramsRefusal(): { code: ErrorCode; message: string; clause: string } {
  return {
    code: 'BAD_USER_INPUT',
    message: "The message's params do not fit its method: tools/call takes a \"name\" and an \"arguments\" object; see tools/list.",
    clause: "its message's params do not fit the MCP method",
  };
}

/** Whether an error's message is a schema checker's list of issues (`[{"code": "invalid_type", …}]`). */
function isSchemaReport(message: string): boolean {
  try {
    const parsed: unknown = JSON.parse(message);
    return Array.isArray(parsed) && parsed.every((issue) => typeof issue === 'object' && issue !== null && 'code' in issue);
  } catch {
    return false;
  }
}

/** JSON-RPC's range for a server's own errors starts here: a refusal before any message was read. */
const REFUSED = -32000;

function isHttpExtension(value: unknown): value is { status?: unknown; headers?: unknown } {
  return typeof value === 'object' && value !== null;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((entry) => typeof entry === 'string');
}

/** MCP answers carry customer data and the banner, as GraphQL answers do: no cache keeps them. */
function noStore(response: Response): Response {
  response.headers.set('cache-control', 'no-store');
  return response;
}

export { McpOperationsError, prepareMcpTools, REQUEST_APPROVAL_TOOL, type McpOperation, type McpOptions, type McpTool } from './mcp-tools.js';
export { offeredTools, type ToolCaller } from './offered-tools.js';
export { useMcpEndpoint, type McpEndpointOptions } from './use-mcp-endpoint.js';

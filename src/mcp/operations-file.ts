import { readFileSync } from 'node:fs';
import { GraphQLError, Kind, parse, TokenKind, type Token } from 'graphql';
import { McpOperationsError, type McpOperation } from './mcp-tools.js';

/**
 * The MCP operations in a `.graphql` file (WARDEN_MCP_OPERATIONS): every named query or mutation
 * in it is a tool, described by the `#` comment lines right above it. This is how operations are
 * declared where there is no application code to declare them in (proxy mode):
 *
 * ```graphql
 * # The tenant you are acting as: name, email and phone (personal data as your policy shows it).
 * query Tenant { me { id name email phone } }
 * ```
 *
 * Each operation must stand alone (no fragments: a tool's document is sent as it is), and each
 * is then checked against the schema as operations declared in code are (`prepareMcpTools`).
 * Throws McpOperationsError naming the file, and the line, of what is wrong.
 */
export function readMcpOperations(file: string): McpOperation[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const why = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'there is no such file' : 'it cannot be read';
    throw new McpOperationsError(`WARDEN_MCP_OPERATIONS names ${file}, but ${why}: point it at a .graphql file of named operations, each with a # comment above it saying what it does.`);
  }
  return mcpOperationsOf(text, file);
}

/** The operations in `text`, as `readMcpOperations` reads a file (`file` names it in errors). */
export function mcpOperationsOf(text: string, file: string): McpOperation[] {
  if (text.split('\n').every((line) => /^\s*(#.*)?$/.test(line))) throw noOperation(file);
  let document;
  try {
    document = parse(text);
  } catch (error) {
    const where = error instanceof GraphQLError && error.locations?.[0] ? `, line ${error.locations[0].line}` : '';
    throw new McpOperationsError(`${file}${where} is not valid GraphQL (${error instanceof GraphQLError ? error.message : String(error)}); fix it and start again.`);
  }
  const operations: McpOperation[] = [];
  for (const definition of document.definitions) {
    const line = definition.loc?.startToken.line ?? 0;
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      throw new McpOperationsError(`${file}, line ${line}: fragment ${definition.name.value}: each tool's operation is sent as it is, so it must stand alone; write the fields into the operations that use them.`);
    }
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.loc) {
      throw new McpOperationsError(`${file}, line ${line}: holds something other than a query or a mutation; the file declares operations only.`);
    }
    const name = definition.name?.value;
    const description = commentAbove(definition.loc.startToken);
    if (!description) {
      throw new McpOperationsError(
        `${file}, line ${line}: ${name ? `operation ${name}` : 'an operation'} has no description; put # comment lines right above it saying what the tool does and when to use it.`,
      );
    }
    operations.push({ description, document: text.slice(definition.loc.start, definition.loc.end) });
  }
  if (operations.length === 0) throw noOperation(file);
  return operations;
}

function noOperation(file: string): McpOperationsError {
  return new McpOperationsError(`${file} declares no operation; write named queries or mutations in it, each with a # comment above it.`);
}

/** The `#` comment lines right above a definition (none blank between), as one text. */
function commentAbove(start: Token): string {
  const lines: string[] = [];
  let line = start.line;
  for (let token = start.prev; token && token.kind === TokenKind.COMMENT && token.line === line - 1; token = token.prev) {
    // A comment ending the line of something before it (`} # …`) belongs to that, not to this.
    const before = token.prev;
    if (before && before.kind !== TokenKind.SOF && before.kind !== TokenKind.COMMENT && before.line === token.line) break;
    lines.unshift(token.value?.trim() ?? '');
    line = token.line;
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

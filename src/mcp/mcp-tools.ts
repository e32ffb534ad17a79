import { Kind, parse, print, validate, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { mutationRiskOf } from '../approvals/mutation-risk.js';
import { CALLERS_EXTENSION, type Callers, type FieldPlan, type MutationRisk } from '../policy/plugin/types.js';
import { argumentDescriptions, toolInputSchema, type ToolInputSchema } from './input-schema.js';
import { collectPaths, collectRootFields } from './operation-paths.js';

/** One GraphQL operation offered as an MCP tool. */
export interface McpOperation {
  /** What the tool does and when to use it, as the assistant choosing among tools reads it. */
  description: string;
  /** One named query or mutation; its name is the tool's name, its variables the tool's input. */
  document: string;
}

export interface McpOptions {
  /**
   * The operations offered as tools, kept in the application's repository: nothing else runs
   * over MCP. Each is checked against the schema when the gateway is created.
   */
  operations: readonly McpOperation[];
  /** Where the MCP endpoint answers. @default '/mcp' */
  path?: string;
}

/** A declared operation, checked and ready to be offered and run. */
export interface McpTool {
  name: string;
  description: string;
  /** The operation as it is sent to the GraphQL endpoint. */
  document: string;
  operation: 'query' | 'mutation';
  inputSchema: ToolInputSchema;
  /** The root fields it calls: who may call each (the firewall) and what each needs in a session (the gate). */
  rootFields: ReadonlyArray<{ name: string; callers: Callers | null; risk: MutationRisk }>;
  /** Every path from a root field to a value it selects, as the plans of the fields on the way. */
  paths: ReadonlyArray<readonly FieldPlan[]>;
}

/** The built-in tool that asks a manager to approve one exact call of a risky tool. */
export const REQUEST_APPROVAL_TOOL = 'RequestApproval';

/** What MCP allows in a tool name; every GraphQL name fits. */
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** A declared operation that cannot be offered, with what to change. */
export class McpOperationsError extends Error {
  override name = 'McpOperationsError';
}

/**
 * Checks the declared operations against the schema and prepares each as a tool: one named
 * query or mutation per entry, valid against the schema, names unique, a description. Anything
 * wrong stops the gateway's creation with the entry's number and what to fix.
 */
export function prepareMcpTools(schema: GraphQLSchema, operations: readonly McpOperation[]): McpTool[] {
  const tools: McpTool[] = [];
  const names = new Set<string>();
  operations.forEach((declared, index) => {
    let where = `MCP operation ${index + 1}`;
    const fail = (what: string): never => {
      throw new McpOperationsError(`${where}: ${what}`);
    };
    if (typeof declared.description !== 'string' || declared.description.trim() === '') fail('has no description; say what the tool does and when to use it.');
    let document;
    try {
      document = parse(declared.document);
    } catch (error) {
      return fail(`is not valid GraphQL (${error instanceof Error ? error.message : String(error)}).`);
    }
    const operationsIn = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationsIn[0];
    if (operationsIn.length !== 1 || !operation) return fail(`holds ${operationsIn.length} operations; give each tool exactly one.`);
    const name = operation.name?.value;
    if (!name) return fail('has no name; name the operation: its name is the tool\'s name.');
    where = `${where} (${name})`;
    if (operation.operation === 'subscription') return fail('is a subscription; tools run queries and mutations.');
    if (!TOOL_NAME.test(name)) fail('its name is not a valid tool name (letters, digits, _ . -, at most 128).');
    if (name === REQUEST_APPROVAL_TOOL) fail(`${REQUEST_APPROVAL_TOOL} is Warden's own tool; give the operation another name.`);
    if (names.has(name)) fail('another operation has this name; tool names must be unique.');
    names.add(name);
    const errors = validate(schema, document);
    if (errors.length > 0) fail(`does not fit the schema: ${errors.map((e) => e.message).join(' ')}`);

    const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    if (!root) return fail(`the schema has no ${operation.operation} type.`);
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    const rootNames = new Set<string>();
    collectRootFields(schema, fragments, root, operation.selectionSet, rootNames);
    const rootFields = [...rootNames].map((field) => {
      const definition = root.getFields()[field];
      if (!definition) return fail(`${root.name}.${field} is not in the schema.`);
      return { name: field, callers: definition.extensions[CALLERS_EXTENSION] ?? null, risk: mutationRiskOf(definition) };
    });
    const paths: FieldPlan[][] = [];
    collectPaths(schema, fragments, [root], operation.selectionSet, [], paths);
    tools.push({
      name,
      description: declared.description.trim(),
      document: print(document),
      operation: operation.operation,
      inputSchema: toolInputSchema(schema, operation, argumentDescriptions(schema, document)),
      rootFields,
      paths,
    });
  });
  return tools;
}

/** A GraphQL name, as an argument's name must be to be repeated back. */
const ARGUMENT_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * What is wrong with arguments the tool's operation does not declare, as a sentence; null when
 * there are none. Names are repeated only when they are plausible names, and at most five.
 */
export function undeclaredArguments(tool: McpTool, args: Record<string, unknown>): string | null {
  const unknown = Object.keys(args).filter((key) => !Object.hasOwn(tool.inputSchema.properties, key));
  if (unknown.length === 0) return null;
  const named = unknown.filter((key) => ARGUMENT_NAME.test(key)).slice(0, 5);
  const which = named.length === unknown.length ? ` ${named.map((key) => `"${key}"`).join(', ')}` : 's beyond those it lists';
  return `${tool.name} takes no argument${which}; send only the arguments its input schema lists.`;
}

import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInputObjectType,
  isObjectType,
  Kind,
  parse,
  print,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { mutationRiskOf } from '../approvals/mutation-risk.js';
import { CALLERS_EXTENSION, PLAN_EXTENSION, type Callers, type FieldPlan, type MutationRisk } from '../policy/plugin/types.js';
import { toolInputSchema, type ToolInputSchema } from './input-schema.js';

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
  const names = new Set<string>([REQUEST_APPROVAL_TOOL]);
  operations.forEach((declared, index) => {
    const where = `MCP operation ${index + 1}`;
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
    const named = `${where} (${name})`;
    if (operation.operation === 'subscription') throw new McpOperationsError(`${named}: is a subscription; tools run queries and mutations.`);
    if (!TOOL_NAME.test(name)) throw new McpOperationsError(`${named}: its name is not a valid tool name (letters, digits, _ . -, at most 128).`);
    if (names.has(name)) {
      throw new McpOperationsError(name === REQUEST_APPROVAL_TOOL ? `${named}: ${REQUEST_APPROVAL_TOOL} is Warden's own tool; give the operation another name.` : `${named}: another operation has this name; tool names must be unique.`);
    }
    names.add(name);
    const errors = validate(schema, document);
    if (errors.length > 0) throw new McpOperationsError(`${named}: does not fit the schema: ${errors.map((e) => e.message).join(' ')}`);

    const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    if (!root) throw new McpOperationsError(`${named}: the schema has no ${operation.operation} type.`);
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    const rootNames = new Set<string>();
    collectRootFields(schema, fragments, root, operation.selectionSet, rootNames);
    const rootFields = [...rootNames].map((field) => {
      const definition = root.getFields()[field];
      if (!definition) throw new McpOperationsError(`${named}: ${root.name}.${field} is not in the schema.`);
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

/** The root fields an operation calls, through fragments too. */
function collectRootFields(schema: GraphQLSchema, fragments: ReadonlyMap<string, FragmentDefinitionNode>, root: GraphQLObjectType, selections: SelectionSetNode, into: Set<string>): void {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) into.add(selection.name.value);
    } else {
      const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (inner) collectRootFields(schema, fragments, root, inner.selectionSet, into);
    }
  }
}

/**
 * Every path from the root to a selected value, as field plans. Under an interface or a union
 * the path goes on through each object type it could be, each with its own fields' plans.
 * `__typename` shows no data and makes no path; a field without a plan ends its path as if
 * it were missing, so nothing counts as shown that the policy does not know.
 */
function collectPaths(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  objects: readonly GraphQLObjectType[],
  selections: SelectionSetNode,
  prefix: readonly FieldPlan[],
  into: FieldPlan[][],
): void {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      for (const object of objects) {
        const field = object.getFields()[selection.name.value];
        const plan = field?.extensions[PLAN_EXTENSION];
        if (!field || !plan) continue;
        const path = [...prefix, plan];
        const type = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(type)) collectPaths(schema, fragments, objectsOf(schema, type), selection.selectionSet, path, into);
        else into.push(path);
      }
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : null;
    const narrowed = condition && isCompositeType(condition) ? objects.filter((object) => object === condition || (isAbstractType(condition) && schema.isSubType(condition, object))) : objects;
    collectPaths(schema, fragments, narrowed, fragment.selectionSet, prefix, into);
  }
}

function objectsOf(schema: GraphQLSchema, type: GraphQLCompositeType): readonly GraphQLObjectType[] {
  return isObjectType(type) ? [type] : schema.getPossibleTypes(type);
}

/** What each variable is for: the description of the argument or input field it is passed to. */
function argumentDescriptions(schema: GraphQLSchema, document: ReturnType<typeof parse>): (variable: string) => string | undefined {
  const found = new Map<string, string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const description = typeInfo.getArgument()?.description;
        if (node.value.kind === Kind.VARIABLE && description && !found.has(node.value.name.value)) found.set(node.value.name.value, description);
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        const named = parent ? getNamedType(parent) : null;
        const description = named && isInputObjectType(named) ? named.getFields()[node.name.value]?.description : undefined;
        if (node.value.kind === Kind.VARIABLE && description && !found.has(node.value.name.value)) found.set(node.value.name.value, description);
      },
    }),
  );
  return (variable) => found.get(variable);
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

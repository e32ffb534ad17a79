import {
  getNamedType,
  GraphQLFloat,
  GraphQLInt,
  GraphQLBoolean,
  GraphQLID,
  GraphQLString,
  isEnumType,
  isInputType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  typeFromAST,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** The JSON Schema subset a tool's input is described with (draft 2020-12, as MCP asks). */
export interface JsonSchema {
  [keyword: string]: unknown;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: string[];
  default?: unknown;
}

/** A tool's input: always an object, one property per variable of the operation. */
export interface ToolInputSchema extends JsonSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
}

/**
 * The input schema of an operation's tool, from its variable definitions: one property per
 * variable, required when it is non-null without a default; input objects, enums and lists
 * described as the schema declares them, with the schema's descriptions. `describe` names what
 * a variable is for (the description of the argument it is passed to). No property beyond the
 * variables is accepted: an argument the operation does not declare is a mistake worth saying.
 */
export function toolInputSchema(schema: GraphQLSchema, operation: OperationDefinitionNode, describe: (variable: string) => string | undefined): ToolInputSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    // The document was validated against the schema first: every variable's type exists and is an input type.
    if (!type || !isInputType(type)) throw new Error(`The variable $${name} has a type the schema lacks.`);
    const property = inputTypeSchema(type, new Set());
    const description = describe(name);
    if (description && !property.description) property.description = description;
    if (definition.defaultValue) property.default = valueFromASTUntyped(definition.defaultValue);
    else if (isNonNullType(type)) required.push(name);
    properties[name] = property;
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

/**
 * One input type as JSON Schema. A nullable value may also be left out or sent as null; JSON
 * Schema's plain `type` says what a value must be when given. `within`: the input objects on
 * the way here, so a recursive input (a filter of filters) stops at an open object instead of
 * going on forever.
 */
function inputTypeSchema(type: GraphQLInputType, within: ReadonlySet<string>): JsonSchema {
  if (isNonNullType(type)) return inputTypeSchema(type.ofType, within);
  if (isListType(type)) return { type: 'array', items: inputTypeSchema(type.ofType, within) };
  if (isEnumType(type)) {
    return { type: 'string', enum: type.getValues().map((value) => value.name), ...described(type.description) };
  }
  if (isInputObjectType(type)) {
    if (within.has(type.name)) return { type: 'object', ...described(type.description) };
    const inner = new Set(within).add(type.name);
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const field of Object.values(type.getFields())) {
      properties[field.name] = { ...inputTypeSchema(field.type, inner), ...described(field.description) };
      if (isNonNullType(field.type) && field.defaultValue === undefined) required.push(field.name);
    }
    return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false, ...described(type.description) };
  }
  if (isScalarType(type)) {
    if (type === GraphQLInt) return { type: 'integer' };
    if (type === GraphQLFloat) return { type: 'number' };
    if (type === GraphQLBoolean) return { type: 'boolean' };
    if (type === GraphQLString || type === GraphQLID) return { type: 'string' };
    // The schema's own scalars (dates, JSON…) take whatever their parser takes: their description says the form.
    return described(type.description);
  }
  return {};
}

function described(description: string | null | undefined): { description?: string } {
  return description ? { description } : {};
}

/** What each variable is for: the description of the argument or input field it is passed to. */
export function argumentDescriptions(schema: GraphQLSchema, document: DocumentNode): (variable: string) => string | undefined {
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

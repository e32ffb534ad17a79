import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** The ways a value can be asked for; each must be masked the same. */
export type QueryStyle = 'plain' | 'aliases' | 'fragments' | 'inline-fragments' | 'variables' | 'several-operations';

export const QUERY_STYLES: readonly QueryStyle[] = ['plain', 'aliases', 'fragments', 'inline-fragments', 'variables', 'several-operations'];

export interface GeneratedQuery {
  query: string;
  variables: Record<string, unknown>;
  operationName: string;
}

/** Picks which fields to select and how; `random` lets the property test vary it. */
interface Choices {
  style: QueryStyle;
  random?: () => number;
}

const MAX_DEPTH = 4;

/**
 * A query for every field reachable from `root` (a root field with its arguments), in one of the
 * styles above. Interfaces and unions are expanded through inline fragments on each possible
 * type, so fields inherited from an interface and union members are read too.
 */
export function generateQuery(schema: GraphQLSchema, root: string, rootArgs: string, choices: Choices): GeneratedQuery {
  const fragments = new Map<string, string>();
  const variables: Record<string, unknown> = {};
  const variableDefinitions: string[] = [];
  const keep = () => (choices.random ? choices.random() < 0.6 : true);

  const selection = (type: GraphQLNamedType, depth: number, path: string[]): string => {
    if (isAbstractType(type)) {
      const parts = ['__typename'];
      if (isInterfaceType(type)) parts.push(...fieldsOf(type.getFields(), type.name, depth, path));
      for (const member of schema.getPossibleTypes(type)) parts.push(`... on ${member.name} { ${objectSelection(member, depth, path)} }`);
      return parts.join(' ');
    }
    return isObjectType(type) ? objectSelection(type, depth, path) : '';
  };

  const objectSelection = (type: GraphQLObjectType, depth: number, path: string[]): string => {
    const body = fieldsOf(type.getFields(), type.name, depth, path).join(' ') || '__typename';
    if (choices.style === 'fragments') {
      const name = `F_${type.name}_${path.length}_${fragments.size}`;
      fragments.set(name, `fragment ${name} on ${type.name} { ${body} }`);
      return `...${name}`;
    }
    if (choices.style === 'inline-fragments') return `... on ${type.name} { ${body} }`;
    return body;
  };

  const fieldsOf = (fields: Record<string, GraphQLField<unknown, unknown>>, typeName: string, depth: number, path: string[]): string[] => {
    const out: string[] = [];
    for (const field of Object.values(fields)) {
      if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
      if (!keep()) continue;
      const named = getNamedType(field.type);
      const args = argumentsFor(field, typeName);
      if (isLeafType(named)) {
        if (choices.style === 'aliases') out.push(`a1_${field.name}: ${field.name}${args} a2_${field.name}: ${field.name}${args} ${field.name}${args}`);
        else out.push(`${field.name}${args}`);
      } else if (depth < MAX_DEPTH && !path.includes(named.name)) {
        out.push(`${field.name}${args} { ${selection(named, depth + 1, [...path, named.name])} }`);
      }
    }
    return out;
  };

  const argumentsFor = (field: GraphQLField<unknown, unknown>, typeName: string): string => {
    const first = field.args.find((arg) => arg.name === 'first');
    if (!first) return '';
    if (choices.style !== 'variables') return '(first: 5)';
    const name = `first_${typeName}_${field.name}`;
    if (!(name in variables)) {
      variables[name] = 5;
      variableDefinitions.push(`$${name}: Int!`);
    }
    return `(first: $${name})`;
  };

  const [rootName = root] = root.split('(');
  const rootField = schema.getQueryType()?.getFields()[rootName];
  if (!rootField) throw new Error(`No root field ${rootName}`);
  const body = `${rootName}${rootArgs} { ${selection(getNamedType(rootField.type), 1, [getNamedType(rootField.type).name])} }`;
  const definitions = variableDefinitions.length ? `(${variableDefinitions.join(', ')})` : '';
  const operations = [`query Canary${definitions} { ${body} }`];
  // A second operation in the same document reads the same data; only the first is run.
  if (choices.style === 'several-operations') operations.push(`query Other { ${body} }`);
  return { query: [...operations, ...fragments.values()].join('\n'), variables, operationName: 'Canary' };
}

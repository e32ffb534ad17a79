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

/**
 * The ways a value can be asked for; each must be masked the same.
 * - selection styles, per object selection: `plain`, `aliases`, `fragments`, `inline-fragments`;
 * - document styles: `variables` (page sizes as variables), `several-operations` (a second
 *   operation reading the same data);
 * - error-echo styles, which send values that do not fit, so the errors must not repeat them:
 *   `echo-variables` (as variables of the wrong type), `echo-literals` (written in the document)
 *   and `echo-syntax` (written where a field name goes, so the document does not parse).
 */
export type QueryStyle =
  | 'plain'
  | 'aliases'
  | 'fragments'
  | 'inline-fragments'
  | 'variables'
  | 'several-operations'
  | 'echo-variables'
  | 'echo-literals'
  | 'echo-syntax';

export const QUERY_STYLES: readonly QueryStyle[] = [
  'plain',
  'aliases',
  'fragments',
  'inline-fragments',
  'variables',
  'several-operations',
  'echo-variables',
  'echo-literals',
  'echo-syntax',
];

const SELECTION_STYLES = new Set<QueryStyle>(['plain', 'aliases', 'fragments', 'inline-fragments']);

export interface GeneratedQuery {
  query: string;
  variables: Record<string, unknown>;
  operationName: string;
}

/** What to select and how. */
export interface Choices {
  /** One style, or several mixed: object selections take the selection styles in turn. */
  style: QueryStyle | readonly QueryStyle[];
  /**
   * The fields to select, as `Type.field`: a field is selected when it is named here or leads to
   * one that is. @default every field
   */
  include?: ReadonlySet<string>;
  /**
   * The values the error-echo styles send where they do not fit (they must not come back).
   * `echo-syntax` sends the first only: parsing stops at it.
   */
  echo?: readonly string[];
}

const MAX_DEPTH = 4;

/**
 * A query for the fields reachable from `root` (a root field with its arguments), in the styles
 * chosen. Interfaces and unions are expanded through inline fragments on each possible type, so
 * fields inherited from an interface and union members are read too.
 */
export function generateQuery(schema: GraphQLSchema, root: string, rootArgs: string, choices: Choices): GeneratedQuery {
  const styles = new Set(typeof choices.style === 'string' ? [choices.style] : choices.style);
  const selectionStyles = [...styles].filter((style) => SELECTION_STYLES.has(style));
  const echo = choices.echo?.length ? choices.echo : ['CNRYECHO'];
  const fragments = new Map<string, string>();
  const variables: Record<string, unknown> = {};
  const variableDefinitions: string[] = [];
  let selections = 0;
  let echoes = 0;

  /** A variable of `type` holding `value`, declared once per name. */
  const variable = (name: string, type: string, value: unknown): string => {
    if (!(name in variables)) {
      variables[name] = value;
      variableDefinitions.push(`$${name}: ${type}`);
    }
    return `$${name}`;
  };
  const nextEcho = () => echo[echoes++ % echo.length] ?? '';
  /** A value that does not fit an `Int!`/`Boolean!`, in the error-echo styles; else null. */
  const misfit = (name: string, type: 'Int!' | 'Boolean!'): string | null => {
    if (styles.has('echo-literals')) return JSON.stringify(nextEcho());
    if (styles.has('echo-variables')) return variable(name, type, nextEcho());
    return null;
  };

  const selection = (type: GraphQLNamedType, depth: number, path: string[]): string => {
    if (isAbstractType(type)) {
      const parts: string[] = [];
      const members = schema.getPossibleTypes(type);
      const shared = sharedFields(members);
      if (isInterfaceType(type)) parts.push(...fieldsOf(type.getFields(), type.name, depth, path));
      for (const member of members) {
        const body = objectSelection(member, depth, path, shared);
        if (body) parts.push(`... on ${member.name} { ${body} }`);
      }
      return parts.length ? ['__typename', ...parts].join(' ') : '';
    }
    return isObjectType(type) ? objectSelection(type, depth, path) : '';
  };

  const objectSelection = (type: GraphQLObjectType, depth: number, path: string[], shared: ReadonlySet<string> = NONE_SHARED): string => {
    const style = selectionStyles[selections++ % Math.max(1, selectionStyles.length)] ?? 'plain';
    const body = fieldsOf(type.getFields(), type.name, depth, path, style === 'aliases', shared).join(' ');
    if (!body) return '';
    if (style === 'fragments') {
      const name = `F_${type.name}_${path.length}_${fragments.size}`;
      fragments.set(name, `fragment ${name} on ${type.name} { ${body} }`);
      return `...${name}`;
    }
    return style === 'inline-fragments' ? `... on ${type.name} { ${body} }` : body;
  };

  const fieldsOf = (
    fields: Record<string, GraphQLField<unknown, unknown>>,
    typeName: string,
    depth: number,
    path: string[],
    aliases = false,
    shared: ReadonlySet<string> = NONE_SHARED,
  ): string[] => {
    const out: string[] = [];
    for (const field of Object.values(fields)) {
      if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
      const named = getNamedType(field.type);
      const selected = !choices.include || choices.include.has(`${typeName}.${field.name}`);
      // A field other members of a union or interface have too is read under a key of this member's.
      const key = shared.has(field.name) ? `${typeName}_` : '';
      // Its arguments are made only for a field the document selects: a variable no field uses fails validation.
      const read = () => {
        const args = argumentsFor(field, typeName);
        return { args, plain: `${key ? `${key}${field.name}: ` : ''}${field.name}${args}` };
      };
      if (isLeafType(named)) {
        if (!selected) continue;
        const { args, plain } = read();
        out.push(aliases ? `${key}a1_${field.name}: ${field.name}${args} ${plain}` : plain);
      } else if (depth < MAX_DEPTH && !path.includes(named.name)) {
        const body = selection(named, depth + 1, [...path, named.name]);
        if (body) out.push(`${read().plain} { ${body} }`);
        else if (selected) out.push(`${read().plain} { __typename }`);
      }
    }
    return out;
  };

  const argumentsFor = (field: GraphQLField<unknown, unknown>, typeName: string): string => {
    if (!field.args.some((arg) => arg.name === 'first')) return '';
    const name = `first_${typeName}_${field.name}`;
    const value = misfit(name, 'Int!') ?? (styles.has('variables') ? variable(name, 'Int!', 5) : '5');
    return `(first: ${value})`;
  };

  const [rootName = root] = root.split('(');
  const rootField = schema.getQueryType()?.getFields()[rootName];
  if (!rootField) throw new Error(`No root field ${rootName}`);
  const rootType = getNamedType(rootField.type);
  const inner = selection(rootType, 1, [rootType.name]) || '__typename';
  // A directive argument fits every document, even one with no page size to misuse.
  const guard = misfit('echo_include', 'Boolean!');
  // Every value is sent at least once: the page sizes and the guard take the first, a probe each the rest.
  const probes: string[] = [];
  while (guard && echoes < echo.length) {
    const name = `echo_${echoes}`;
    probes.push(`${name}: __typename @include(if: ${misfit(name, 'Boolean!') ?? ''})`);
  }
  // Parsing stops at the first token out of place: one value per document.
  const unparsable = styles.has('echo-syntax') ? syntaxToken(echo[0] ?? '') : '';
  const body = `${rootName}${rootArgs}${guard ? ` @include(if: ${guard})` : ''} { ${[unparsable, ...probes, inner].filter(Boolean).join(' ')} }`;
  const definitions = variableDefinitions.length ? `(${variableDefinitions.join(', ')})` : '';
  const operations = [`query Canary${definitions} { ${body} }`];
  // A second operation in the same document reads the same data; only the first is run.
  if (styles.has('several-operations')) operations.push(`query Other${definitions} { ${body} }`);
  return { query: [...operations, ...fragments.values()].join('\n'), variables, operationName: 'Canary' };
}

const NONE_SHARED: ReadonlySet<string> = new Set();

/**
 * Fields more than one member of a union or interface has. Each member's is read under its own
 * key, so no two selections have to merge: a `status` that is a `PaymentStatus` on one member
 * and a `LeaseStatus` on the other cannot, nor, behind a proxy, an `email` the upstream serves
 * as `String!` on one and `String` on the other (Warden serves both nullable, so only the
 * upstream would refuse the document).
 */
function sharedFields(members: readonly GraphQLObjectType[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const both = new Set<string>();
  for (const member of members) {
    for (const name of Object.keys(member.getFields())) (seen.has(name) ? both : seen).add(name);
  }
  return both;
}

/**
 * `value` as the token it makes where a field name goes, so each kind the parser names in its
 * error is met: digits alone as a number (an Int token), a value with a space as a block string,
 * any other as a string.
 */
function syntaxToken(value: string): string {
  if (/^\d+$/.test(value)) return value;
  if (value.includes(' ')) return `"""${value.replaceAll('"""', '\\"""')}"""`;
  return JSON.stringify(value);
}

/** Every `Type.field` a generated query can select from `root`: what a property picks from. */
export function selectableFields(schema: GraphQLSchema, root: string): string[] {
  const found = new Set<string>();
  const walk = (type: GraphQLNamedType, depth: number, path: string[]) => {
    const types = isAbstractType(type) ? [...(isInterfaceType(type) ? [type] : []), ...schema.getPossibleTypes(type)] : isObjectType(type) ? [type] : [];
    for (const owner of types) {
      for (const field of Object.values(owner.getFields())) {
        if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
        found.add(`${owner.name}.${field.name}`);
        const named = getNamedType(field.type);
        if (!isLeafType(named) && depth < MAX_DEPTH && !path.includes(named.name)) walk(named, depth + 1, [...path, named.name]);
      }
    }
  };
  const rootField = schema.getQueryType()?.getFields()[root];
  if (!rootField) throw new Error(`No root field ${root}`);
  const rootType = getNamedType(rootField.type);
  walk(rootType, 1, [rootType.name]);
  return [...found].sort();
}

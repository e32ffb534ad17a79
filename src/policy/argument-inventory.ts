import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { FILTERS_BY_EXTENSION, type FieldPlan, type FiltersBy } from './plugin/types.js';

/** An argument or input field, and what it declares it reads (see `FiltersBy`). */
export interface ArgumentPlan {
  /** `Account.users(orderBy:)` for an argument, `UserFilter.email` for an input field. */
  coordinate: string;
  /** null: it declares nothing, so it is refused under impersonation (and fails the build). */
  reads: FiltersBy | null;
  /** The enum's values, when it takes an enum: a per-value map must name each one. */
  enumValues: readonly string[] | null;
}

/**
 * Every argument and input field that can carry a value a resolver filters by: all of scalar or
 * enum type (in lists too), plus input objects that declare something themselves (their own
 * fields are listed separately). Keyed and sorted by coordinate.
 */
export function argumentInventory(schema: GraphQLSchema): Map<string, ArgumentPlan> {
  const inventory = new Map<string, ArgumentPlan>();
  const add = (coordinate: string, type: GraphQLInputType, reads: FiltersBy | undefined) => {
    const named = getNamedType(type);
    if (!isLeafType(named) && reads === undefined) return;
    inventory.set(coordinate, {
      coordinate,
      reads: reads ?? null,
      enumValues: isEnumType(named) ? named.getValues().map((value) => value.name) : null,
    });
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) add(`${type.name}.${field.name}(${arg.name}:)`, arg.type, arg.extensions[FILTERS_BY_EXTENSION]);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) add(`${type.name}.${field.name}`, field.type, field.extensions[FILTERS_BY_EXTENSION]);
    }
  }
  return new Map([...inventory].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * What is wrong with the arguments' declarations: a name that is no field of the schema, a
 * per-value map on something that is no enum or that leaves a value out, and, when
 * `requireDeclarations` (development and test), every argument that declares nothing.
 */
export function argumentProblems(
  args: ReadonlyMap<string, ArgumentPlan>,
  fields: ReadonlyMap<string, FieldPlan>,
  requireDeclarations: boolean,
): string[] {
  const problems: string[] = [];
  const undeclared: string[] = [];
  for (const { coordinate, reads, enumValues } of args.values()) {
    if (reads === null) {
      undeclared.push(coordinate);
      continue;
    }
    if (reads === false) continue;
    const named = typeof reads === 'string' ? [reads] : Object.values(reads).filter((field) => field !== false);
    for (const field of named) {
      if (!fields.has(field)) problems.push(`${coordinate} says it filters by ${field}, which is no field of the schema: name one as "Type.field".`);
    }
    if (typeof reads === 'string') continue;
    if (!enumValues) {
      problems.push(`${coordinate} maps values to fields, but takes no enum: name the one field it reads, or false.`);
      continue;
    }
    const missing = enumValues.filter((value) => !(value in reads));
    const unknown = Object.keys(reads).filter((value) => !enumValues.includes(value));
    if (missing.length > 0) problems.push(`${coordinate} does not say what ${missing.join(', ')} reads: map every value (false for one that reads nothing).`);
    if (unknown.length > 0) problems.push(`${coordinate} maps ${unknown.join(', ')}, which the enum does not have.`);
  }
  if (requireDeclarations && undeclared.length > 0) {
    problems.unshift(
      `These arguments and input fields do not say what they read; give each \`filtersBy\`: the field it filters, searches or sorts by ('User.email'), one per enum value, or false if it reads no stored data (page sizes, cursors, ids to act on, values to write, reasons):\n    ${undeclared.join('\n    ')}`,
    );
  }
  return problems;
}

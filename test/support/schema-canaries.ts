import { getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';
import type { MaskName } from '../../src/policy/data-class.js';
import type { PolicyCatalog } from '../../src/policy/policy-catalog.js';
import type { Canary } from './canary-check.js';

/**
 * Canaries for any schema, generated from its field inventory: every field whose class a
 * session does not see in full (pii, sensitive, secret) gets a recognisable value, written into
 * the column the field exposes, shaped so that its mask still shows what it shows (an email's
 * domain, a number's last four) and never the token.
 */

const CANARY_CLASSES: ReadonlySet<string> = new Set(['pii', 'sensitive', 'secret']);

/** An object type's table, and its row in the canary account: ids, foreign keys, columns no field shows. */
export interface CanaryTable {
  type: string;
  table: string;
  row: Readonly<Record<string, unknown>>;
}

export interface CanaryPlan {
  /** The tables behind the application's object types, in the order their rows can be inserted. */
  tables: readonly CanaryTable[];
  /**
   * Fields of types no table backs (a directory entry built by a query), each showing another
   * field's value: `{ 'MemberDirectoryEntry.name': 'Member.name' }`. Its canary is that field's.
   */
  shows?: Readonly<Record<string, string>>;
  /**
   * The column (row property) a field shows, or undefined for a field computed by a resolver.
   * @default the column Pothos exposes (`t.exposeString('name')`)
   */
  columnOf?: (field: GraphQLField<unknown, unknown>) => string | undefined;
}

export interface SchemaCanaries {
  canaries: Canary[];
  /** The plan's rows with every canary column filled in, in the plan's order. */
  rows: Array<{ table: string; row: Record<string, unknown> }>;
}

/**
 * The canaries of every pii, sensitive and secret field in the schema, and the rows that hold
 * them. A field the plan cannot seed (computed by a resolver, on a type no table backs and no
 * `shows` entry names) stops the suite with its name: no such field escapes the check unseeded.
 */
export function schemaCanaries(schema: GraphQLSchema, catalog: PolicyCatalog, plan: CanaryPlan): SchemaCanaries {
  const problems: string[] = [];
  const canaries = new Map<string, Canary>();
  const rows = plan.tables.map(({ type: typeName, table, row }) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`The canary plan names ${typeName}, which is not an object type of the schema.`);
    const filled: Record<string, unknown> = { ...row };
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${typeName}.${field.name}`;
      const fieldPlan = catalog.fields.get(coordinate);
      if (!fieldPlan?.classification || !CANARY_CLASSES.has(fieldPlan.classification)) continue;
      const column = plan.columnOf ? plan.columnOf(field) : exposedColumn(field);
      if (column === undefined) {
        problems.push(`${coordinate} is ${fieldPlan.classification} but computed, not a column of ${table}: seed its source by hand.`);
        continue;
      }
      const canary = canaryFor(coordinate, getNamedType(field.type).name, fieldPlan.mask, canaries.size);
      if (!canary) {
        problems.push(`${coordinate} is a ${getNamedType(field.type).name}: teach schema-canaries.ts a canary value for that type.`);
        continue;
      }
      filled[column] = canary.value;
      canaries.set(coordinate, canary);
    }
    return { table, row: filled };
  });

  for (const coordinate of catalog.fields.keys()) {
    const classification = catalog.fields.get(coordinate)?.classification;
    if (!classification || !CANARY_CLASSES.has(classification) || canaries.has(coordinate)) continue;
    const source = plan.shows?.[coordinate];
    const shown = source === undefined ? undefined : canaries.get(source);
    if (shown) canaries.set(coordinate, { ...shown, field: coordinate });
    else problems.push(`${coordinate} is ${classification}, on a type no canary table backs: add its table to the plan, or name the field whose value it shows (shows).`);
  }
  if (problems.length > 0) throw new Error(`The canaries cannot cover the schema:\n  ${problems.join('\n  ')}`);
  return { canaries: [...canaries.values()], rows };
}

function exposedColumn(field: GraphQLField<unknown, unknown>): string | undefined {
  const column = field.extensions['pothosExposedField'];
  return typeof column === 'string' ? column : undefined;
}

/**
 * A value for `coordinate` and the token it hides: the token is the part no mask shows. Text
 * tokens are `CNRY-TYPE-FIELD-` (a search for "cnry" finds every one; the dashes, which no
 * GraphQL name holds, keep one field's token out of another's).
 */
function canaryFor(coordinate: string, typeName: string, mask: MaskName | null, index: number): Canary | null {
  if (typeName === 'Date') {
    const value = new Date(Date.UTC(1931, 6, 10 + index)).toISOString().slice(0, 10);
    return { field: coordinate, value, token: value };
  }
  if (typeName !== 'String' && typeName !== 'ID') return null;
  const token = `CNRY-${coordinate.replace('.', '-').toUpperCase()}-`;
  switch (mask) {
    case 'email':
      return { field: coordinate, value: `q${token}@canary.example`, token };
    case 'last4':
      return { field: coordinate, value: `${token} 5550 ${String(1000 + index)}`, token };
    case 'last2':
      return { field: coordinate, value: `${token}zz`, token };
    default:
      return { field: coordinate, value: token, token };
  }
}

/** Inserts the rows, in one transaction. */
export async function seedSchemaCanaries(db: Db, rows: SchemaCanaries['rows']): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { table, row } of rows) {
      const columns = Object.keys(row);
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))}) values (${sql.join(columns.map((column) => row[column]))})`.execute(trx);
    }
  });
}

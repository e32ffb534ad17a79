import { readFileSync } from 'node:fs';
import { DATA_CLASSES, isDataClass, isMaskName, MASK_NAMES, type DataClass, type MaskName } from '../policy/data-class.js';
import { MUTATION_RISKS, type FiltersBy, type MutationRisk } from '../policy/plugin/types.js';

/** One upstream field's class and, for pii and secret values, the mask they show through. */
export interface FieldClass {
  classification: DataClass;
  mask: MaskName | null;
}

/**
 * What the security team says about an upstream API it cannot annotate in code: the class of
 * each field (`Type.field`), what each argument and input field reads (`Type.field(arg:)`,
 * `Input.field`, as `filtersBy` says natively), what each mutation needs during a session, and
 * the root fields Warden keeps to itself (the identity lookup, say). Committed beside the
 * policy; `policy:check` lists the upstream's fields against it.
 */
export interface UpstreamClassification {
  fields: ReadonlyMap<string, FieldClass>;
  arguments: ReadonlyMap<string, FiltersBy>;
  mutations: ReadonlyMap<string, MutationRisk>;
  /** Root fields (`Query.supportIdentity`) served to nobody through Warden. */
  hidden: ReadonlySet<string>;
  /** The fields holding a customer's name and their account's, for the banner (see `WardenSchemaOptions.names`). */
  names: { customer?: string; account?: string };
  /** The document's own name for messages: its path, or "the classification". */
  source: string;
}

export const EMPTY_CLASSIFICATION: UpstreamClassification = {
  fields: new Map(),
  arguments: new Map(),
  mutations: new Map(),
  hidden: new Set(),
  names: {},
  source: 'the classification',
};

/** A classification document that cannot be used: each problem names the entry and what to write. */
export class ClassificationError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} cannot be used:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ClassificationError';
  }
}

/** Reads and checks a classification document from a JSON file. */
export function loadClassification(path: string): UpstreamClassification {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : 'it cannot be read';
    throw new ClassificationError(path, [`${why}: point WARDEN_UPSTREAM_CLASSES at the JSON document that classifies the upstream's fields (docs/proxy.md shows one).`]);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ClassificationError(path, [`it is not JSON (${(error as Error).message}).`]);
  }
  return parseClassification(document, path);
}

/**
 * Checks a classification document's shape:
 * ```json
 * { "fields": { "Tenant.email": "pii", "Organisation.iban": { "class": "secret", "mask": "last4" } },
 *   "arguments": { "Query.tenants(search:)": "Tenant.name", "Query.tenants(first:)": false },
 *   "mutations": { "Mutation.updateTenantPhone": "routine", "Mutation.refundPayment": "risky" },
 *   "hidden": ["Query.supportIdentity"],
 *   "names": { "customer": "User.name", "account": "Organisation.name" } }
 * ```
 * Every problem is listed at once. Whether the names exist upstream is checked against the
 * upstream's schema (`classificationProblems`).
 */
export function parseClassification(document: unknown, source = 'the classification'): UpstreamClassification {
  const problems: string[] = [];
  if (!isRecord(document)) throw new ClassificationError(source, ['it must be a JSON object with "fields", and optionally "arguments", "mutations" and "hidden".']);
  for (const key of Object.keys(document)) {
    if (!['fields', 'arguments', 'mutations', 'hidden', 'names', '$schema', 'description'].includes(key)) {
      problems.push(`"${key}" is not a section Warden reads: use "fields", "arguments", "mutations", "hidden" or "names".`);
    }
  }

  const fields = new Map<string, FieldClass>();
  for (const [coordinate, entry] of Object.entries(section(document, 'fields', problems))) {
    if (!/^\w+\.\w+$/.test(coordinate)) {
      problems.push(`fields: "${coordinate}" is not a field: name it "Type.field".`);
      continue;
    }
    const value = typeof entry === 'string' ? { class: entry } : entry;
    if (!isRecord(value) || !isDataClass(value['class'])) {
      problems.push(`fields: "${coordinate}" needs a class, one of ${DATA_CLASSES.join(', ')} (a string, or { "class": …, "mask": … }).`);
      continue;
    }
    const mask = value['mask'] ?? null;
    if (mask !== null && !isMaskName(mask)) {
      problems.push(`fields: "${coordinate}" has mask ${JSON.stringify(mask)}, which is not a mask Warden has: use one of ${MASK_NAMES.join(', ')}.`);
      continue;
    }
    fields.set(coordinate, { classification: value['class'], mask });
  }

  const args = new Map<string, FiltersBy>();
  for (const [coordinate, reads] of Object.entries(section(document, 'arguments', problems))) {
    if (!/^\w+\.\w+(\(\w+:\))?$/.test(coordinate)) {
      problems.push(`arguments: "${coordinate}" is not an argument or input field: name it "Type.field(argument:)" or "Input.field".`);
      continue;
    }
    if (reads === false || typeof reads === 'string' || (isRecord(reads) && Object.values(reads).every((v) => v === false || typeof v === 'string'))) {
      args.set(coordinate, reads as FiltersBy);
    } else {
      problems.push(`arguments: "${coordinate}" must say the "Type.field" it filters, searches or sorts by, false when it reads no stored data, or one of those per enum value.`);
    }
  }

  const mutations = new Map<string, MutationRisk>();
  for (const [coordinate, risk] of Object.entries(section(document, 'mutations', problems))) {
    if (!/^\w+\.\w+$/.test(coordinate)) {
      problems.push(`mutations: "${coordinate}" is not a mutation: name it "Mutation.field".`);
    } else if (!MUTATION_RISKS.some((known) => known === risk)) {
      problems.push(`mutations: "${coordinate}" has risk ${JSON.stringify(risk)}: use one of ${MUTATION_RISKS.join(', ')}.`);
    } else {
      mutations.set(coordinate, risk as MutationRisk);
    }
  }

  const hidden = new Set<string>();
  const hiddenEntries = document['hidden'] ?? [];
  if (!Array.isArray(hiddenEntries) || !hiddenEntries.every((entry) => typeof entry === 'string')) {
    problems.push('"hidden" must be a list of root fields ("Query.supportIdentity").');
  } else {
    for (const entry of hiddenEntries) hidden.add(entry);
  }

  const names: { customer?: string; account?: string } = {};
  for (const [whose, coordinate] of Object.entries(section(document, 'names', problems))) {
    if ((whose !== 'customer' && whose !== 'account') || typeof coordinate !== 'string' || !/^\w+\.\w+$/.test(coordinate)) {
      problems.push(`names: "${whose}" must be "customer" or "account", naming the "Type.field" that holds that name.`);
    } else {
      names[whose] = coordinate;
    }
  }

  if (problems.length > 0) throw new ClassificationError(source, problems);
  return { fields, arguments: args, mutations, hidden, names, source };
}

function section(document: Record<string, unknown>, name: string, problems: string[]): Record<string, unknown> {
  const value = document[name] ?? {};
  if (isRecord(value)) return value;
  problems.push(`"${name}" must be an object keyed by coordinate.`);
  return {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

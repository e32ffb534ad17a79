import {
  ASSISTANT_COLUMNS,
  DATA_CLASSES,
  NEVER_SHOWN_TO_ASSISTANTS,
  isAssistantColumn,
  POLICY_COLUMNS,
  isDataClass,
  isDecision,
  isPolicyColumn,
  type DataClass,
  type Decision,
  type PolicyColumn,
} from './data-class.js';
import { duplicateJsonKeys } from './duplicate-json-keys.js';
import type { FieldPlan } from './plugin/types.js';

export type ClassRules = Record<DataClass, Record<PolicyColumn, Decision>>;
export type FieldOverrides = Record<string, Partial<Record<PolicyColumn, Decision>>>;

/** The security team's policy: what each column sees of each class, and per-field exceptions. */
export interface PolicyDocument {
  classes: ClassRules;
  overrides: FieldOverrides;
  /** Whether `oncall_engineer` staff may start impersonation sessions. */
  oncallMayImpersonate: boolean;
  /**
   * Whether an AI assistant may open a read-only session of its own from a ticket (reason and
   * ticket checked as for people). Off unless a security admin turns it on.
   */
  assistantsMayOpenSessions: boolean;
  /**
   * How many actors a delegation token's `act` chain may name (1: an assistant acting for the
   * person directly). A longer chain is refused (`DELEGATION_TOO_DEEP`).
   */
  maxDelegationDepth: number;
}

/**
 * What the assistant columns hold where a stored document predates them: the strict baseline,
 * so a published version still loads and an assistant sees no more than it would by default.
 */
export const ASSISTANT_BASELINE: Record<DataClass, Decision> = {
  public: 'allow',
  internal: 'allow',
  pii: 'pseudonym',
  sensitive: 'deny',
  secret: 'deny',
};

const DEFAULT_MAX_DELEGATION_DEPTH = 1;
const KNOWN_KEYS = ['classes', 'overrides', 'oncallMayImpersonate', 'assistantsMayOpenSessions', 'maxDelegationDepth', 'description'];

export interface PolicyProblem {
  /** 1-based line in the text that was parsed; null when the problem has no single place. */
  line: number | null;
  message: string;
}

export type ParsedPolicy = { ok: true; document: PolicyDocument } | { ok: false; problems: PolicyProblem[] };

/**
 * Parses and validates a policy document. Problems name the line they are on, so a security
 * admin can fix a typo in `schema/policy.json` (or a published draft) without guessing.
 * `fields` (the schema's inventory) lets it refuse overrides for fields that do not exist,
 * that are public, or that are non-null (a denial would null their parent).
 */
export function parsePolicyDocument(text: string, fields?: ReadonlyMap<string, FieldPlan>): ParsedPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ line: jsonErrorLine(text, error), message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  const problems: PolicyProblem[] = duplicateJsonKeys(text).map(({ key, line, firstLine }) => ({
    line,
    message: `"${key}" is written twice in the same object (first on line ${firstLine}); only the last would count, so merge them into one.`,
  }));
  const at = (needle: string | RegExp, after?: string) => lineOf(text, needle, after);
  if (!isRecord(raw)) return { ok: false, problems: [...problems, { line: 1, message: 'The policy must be a JSON object with "classes" and "overrides".' }] };

  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) {
      problems.push({ line: at(`"${key}"`), message: `Unknown key "${key}": expected ${KNOWN_KEYS.map((k) => `"${k}"`).join(', ')}.` });
    }
  }

  const classes = {} as ClassRules;
  const rawClasses = raw['classes'];
  if (!isRecord(rawClasses)) {
    problems.push({ line: at('"classes"'), message: '"classes" must be an object with one entry per data class.' });
  } else {
    for (const key of Object.keys(rawClasses)) {
      if (!isDataClass(key)) problems.push({ line: at(`"${key}"`), message: `Unknown data class "${key}": use ${DATA_CLASSES.join(', ')}.` });
    }
    for (const cls of DATA_CLASSES) {
      const row = rawClasses[cls];
      if (!isRecord(row)) {
        problems.push({ line: at('"classes"'), message: `"classes" has no rules for "${cls}".` });
        continue;
      }
      // Rows written before the assistant columns existed get the strict baseline for them.
      const missing = ASSISTANT_COLUMNS.filter((column) => !(column in row)).map((column) => [column, ASSISTANT_BASELINE[cls]]);
      const filled = { ...row, ...Object.fromEntries(missing) };
      classes[cls] = readRow(filled, cls, `classes.${cls}`, true, problems, at) as Record<PolicyColumn, Decision>;
      if (NEVER_SHOWN_TO_ASSISTANTS.includes(cls)) {
        for (const column of ASSISTANT_COLUMNS) {
          if (classes[cls][column] !== undefined && classes[cls][column] !== 'deny') {
            problems.push({ line: at(`"${column}"`, `"${cls}"`), message: `classes.${cls}.${column} must be "deny": ${cls} fields are never shown to an AI assistant, in any form.` });
          }
        }
      }
      if (cls === 'public' && POLICY_COLUMNS.some((c) => classes[cls][c] !== 'allow')) {
        problems.push({ line: at('"public"'), message: 'Public fields are shown to everyone who can reach them: every "public" rule must be "allow" (reclassify a field to hide it).' });
      }
    }
  }

  const overrides: FieldOverrides = {};
  const rawOverrides = raw['overrides'] ?? {};
  if (!isRecord(rawOverrides)) {
    problems.push({ line: at('"overrides"'), message: '"overrides" must be an object keyed by "Type.field".' });
  } else {
    for (const [coordinate, row] of Object.entries(rawOverrides)) {
      const line = at(`"${coordinate}"`);
      const plan = fields?.get(coordinate);
      if (fields && !plan) {
        problems.push({ line, message: `No field "${coordinate}" in the schema: overrides are keyed by "Type.field", e.g. "User.email".` });
        continue;
      }
      if (plan?.classification === 'public') {
        problems.push({ line, message: `${coordinate} is public; overrides apply to classified data only (reclassify the field to restrict it).` });
        continue;
      }
      if (!isRecord(row)) {
        problems.push({ line, message: `The override for ${coordinate} must map columns to decisions.` });
        continue;
      }
      overrides[coordinate] = readRow(row, coordinate, `overrides.${coordinate}`, false, problems, at);
      const cls = plan ? (plan.classification ?? 'secret') : null;
      for (const column of ASSISTANT_COLUMNS) {
        const decision = overrides[coordinate][column];
        if (cls && NEVER_SHOWN_TO_ASSISTANTS.includes(cls) && decision !== undefined && decision !== 'deny') {
          problems.push({ line: at(`"${column}"`, `"${coordinate}"`), message: `${coordinate} is ${cls}, so ${column} must be "deny": ${cls} fields are never shown to an AI assistant.` });
        }
      }
    }
  }

  const oncall = raw['oncallMayImpersonate'] ?? false;
  if (typeof oncall !== 'boolean') problems.push({ line: at('"oncallMayImpersonate"'), message: '"oncallMayImpersonate" must be true or false.' });
  const assistantsOpen = raw['assistantsMayOpenSessions'] ?? false;
  if (typeof assistantsOpen !== 'boolean') {
    problems.push({ line: at('"assistantsMayOpenSessions"'), message: '"assistantsMayOpenSessions" must be true or false.' });
  }
  const depth = raw['maxDelegationDepth'] ?? DEFAULT_MAX_DELEGATION_DEPTH;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0 || depth > 8) {
    problems.push({ line: at('"maxDelegationDepth"'), message: '"maxDelegationDepth" must be a whole number from 0 (no delegation tokens) to 8.' });
  }

  return problems.length > 0
    ? { ok: false, problems }
    : {
        ok: true,
        document: {
          classes,
          overrides,
          oncallMayImpersonate: oncall === true,
          assistantsMayOpenSessions: assistantsOpen === true,
          maxDelegationDepth: typeof depth === 'number' ? depth : DEFAULT_MAX_DELEGATION_DEPTH,
        },
      };
}

function readRow(
  row: Record<string, unknown>,
  key: string,
  where: string,
  complete: boolean,
  problems: PolicyProblem[],
  at: (needle: string | RegExp, after?: string) => number | null,
): Partial<Record<PolicyColumn, Decision>> {
  const result: Partial<Record<PolicyColumn, Decision>> = {};
  const anchor = `"${key}"`;
  for (const [column, decision] of Object.entries(row)) {
    if (!isPolicyColumn(column)) {
      problems.push({ line: at(`"${column}"`, anchor), message: `Unknown column "${column}" in ${where}: use ${POLICY_COLUMNS.join(', ')}.` });
    } else if (!isDecision(decision)) {
      problems.push({
        line: at(new RegExp(`"${column}"\\s*:\\s*${escapeRegExp(JSON.stringify(decision) ?? '')}`), anchor),
        message: `${where}.${column} is ${JSON.stringify(decision)}: use "allow", "mask", "pseudonym" or "deny".`,
      });
    } else if (decision === 'pseudonym' && !isAssistantColumn(column)) {
      problems.push({
        line: at(new RegExp(`"${column}"\\s*:\\s*"pseudonym"`), anchor),
        message: `${where}.${column} is "pseudonym", which only the assistant columns (${ASSISTANT_COLUMNS.join(', ')}) take: use "mask" for people.`,
      });
    } else {
      result[column] = decision;
    }
  }
  if (complete) {
    for (const column of POLICY_COLUMNS) {
      if (!(column in row)) problems.push({ line: at(anchor), message: `${where} has no rule for "${column}".` });
    }
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Serialises a document the same way every time (sorted keys), for hashing, diffing and storing. */
export function formatPolicyDocument(document: PolicyDocument): string {
  const sortedOverrides = Object.fromEntries(Object.entries(document.overrides).sort(([a], [b]) => a.localeCompare(b)));
  const { oncallMayImpersonate, assistantsMayOpenSessions, maxDelegationDepth } = document;
  return `${JSON.stringify({ classes: document.classes, overrides: sortedOverrides, oncallMayImpersonate, assistantsMayOpenSessions, maxDelegationDepth }, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The line of `needle`, searching from the first `after` (a row's key) when given. */
function lineOf(text: string, needle: string | RegExp, after?: string): number | null {
  const start = after === undefined ? 0 : Math.max(0, text.indexOf(after));
  const rest = text.slice(start);
  const offset = typeof needle === 'string' ? rest.indexOf(needle) : (needle.exec(rest)?.index ?? -1);
  return offset < 0 ? null : text.slice(0, start + offset).split('\n').length;
}

function jsonErrorLine(text: string, error: unknown): number | null {
  const message = (error as Error).message;
  const position = /position (\d+)/.exec(message)?.[1] ?? unexpectedTokenPosition(text, message);
  if (position !== undefined) return text.slice(0, Number(position)).split('\n').length;
  const line = /line (\d+)/.exec(message)?.[1];
  return line === undefined ? null : Number(line);
}

/**
 * Node 20+ (V8) gives no position for the commonest typo, an unexpected token (`"customer": hide`):
 * `Unexpected token 'h', ..."<10 characters before and after it>"... is not valid JSON`. The
 * quoted context is found in the text instead; the token is 10 characters into it, or 10 from
 * its end when the context starts at the beginning of the text.
 */
function unexpectedTokenPosition(text: string, message: string): string | undefined {
  const match = /^Unexpected token '[\s\S]{1,2}', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!match) return undefined;
  const [, cutBefore, context = '', cutAfter] = match;
  const start = text.indexOf(context);
  if (start < 0 || (!cutBefore && !cutAfter)) return undefined; // the whole (short) text: no position
  return String(cutBefore ? start + 10 : start + context.length - 10);
}

import { STAFF_ROLES, type StaffRole } from '../db/tables/staff.js';

/** The kinds of caller a token may name: `ai_agent` is an AI assistant with its own credential. */
export const TOKEN_KINDS = ['staff', 'customer', 'ai_agent'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** The claims Warden reads from a bearer token (see the contract in DESIGN.md). */
export interface TokenClaims {
  sub: string;
  kind: TokenKind;
  roles: StaffRole[];
  name: string;
  /** Seconds since the epoch when the person last proved who they are. */
  auth_time: number;
  exp: number;
  /** For `ai_agent` tokens: who makes the assistant and which model it runs, as the issuer says. */
  vendor: string | null;
  model: string | null;
  /**
   * The RFC 8693 delegation chain (`act`, possibly nested), outermost first: the first entry is
   * the actor calling now (an assistant acting for `sub`), the rest those who acted before it.
   * Empty when the token names only its subject. Read from the verified JWT itself.
   */
  act: string[];
}

export type ClaimsProblem = { kind: 'invalid-claims'; reason: string };

/**
 * A chain longer than this is not read at all: the policy's own limit (`maxDelegationDepth`)
 * is checked later, with a code of its own; this only bounds the work a hostile token can ask.
 */
const ACT_READ_LIMIT = 16;

/** Narrows a verified payload to `TokenClaims`; unknown roles are refused, not ignored. */
export function readClaims(payload: Record<string, unknown>): TokenClaims | ClaimsProblem {
  const { sub, kind, roles = [], name, auth_time: authTime, exp, vendor = null, model = null } = payload;
  if (typeof sub !== 'string' || sub === '') return problem('`sub` must be a user or staff id');
  if (!isTokenKind(kind)) return problem('`kind` must be "staff", "customer" or "ai_agent"');
  if (!Array.isArray(roles) || !roles.every(isStaffRole)) {
    return problem(`\`roles\` must be a list of: ${STAFF_ROLES.join(', ')}`);
  }
  if (kind !== 'staff' && roles.length > 0) return problem(kind === 'customer' ? 'customers carry no staff roles' : 'assistants carry no staff roles');
  if (typeof name !== 'string') return problem('`name` must be a string');
  if (typeof authTime !== 'number' || !Number.isFinite(authTime)) {
    return problem('`auth_time` must be a number of seconds');
  }
  if (typeof exp !== 'number') return problem('`exp` is required');
  if ((vendor !== null && typeof vendor !== 'string') || (model !== null && typeof model !== 'string')) return problem('`vendor` and `model` must be strings');
  if (kind === 'ai_agent' && (typeof vendor !== 'string' || typeof model !== 'string' || name === '')) {
    return problem('an assistant\'s token names it (`name`) and says `vendor` and `model`');
  }
  const act = readActChain(payload['act']);
  if (typeof act === 'string') return problem(act);
  if (act.length > 0 && kind !== 'staff') return problem('only a staff member\'s token may carry a delegation (`act`): an assistant acts for a person');
  return { sub, kind, roles, name, auth_time: authTime, exp, vendor, model, act };
}

/** `act: { sub, act?: { sub, … } }` as a list of subs, outermost first; a string says what is wrong. */
function readActChain(value: unknown): string[] | string {
  const chain: string[] = [];
  let current = value;
  while (current !== undefined) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return '`act` must be an object with a `sub` (RFC 8693)';
    const { sub, act } = current as Record<string, unknown>;
    if (typeof sub !== 'string' || sub === '') return 'every `act` in the delegation chain must name its actor in `sub`';
    chain.push(sub);
    if (chain.length > ACT_READ_LIMIT) return `the delegation chain (\`act\`) is longer than ${ACT_READ_LIMIT} actors`;
    current = act;
  }
  return chain;
}

function isTokenKind(value: unknown): value is TokenKind {
  return typeof value === 'string' && (TOKEN_KINDS as readonly string[]).includes(value);
}

function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

function problem(reason: string): ClaimsProblem {
  return { kind: 'invalid-claims', reason };
}

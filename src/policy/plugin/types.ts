import type { GraphQLObjectType, GraphQLResolveInfo, ResponsePath } from 'graphql';
import type { DataClass, MaskName } from '../data-class.js';

/** Decision codes on the hot path: array lookups, no strings compared per field. */
export const ALLOW = 0;
export const MASK = 1;
export const DENY = 2;
/** A stand-in from the request's `pseudonyms` (assistant columns only). */
export const PSEUDONYM = 3;
export type DecisionCode = typeof ALLOW | typeof MASK | typeof DENY | typeof PSEUDONYM;

/** Turns a value into its stand-in for this request's session; see `pseudonym.ts`. */
export type Pseudonymise = (plan: FieldPlan, value: unknown) => unknown;

/**
 * What one request may see, picked once per request: the decision for each wrapped field (by
 * the index the plugin gave it when the schema was built) under the active policy version and
 * the caller's column, plus this session's field-access grants.
 */
export interface RequestPolicy {
  version: number;
  decisions: Uint8Array;
  /** `Type.field` coordinates of sensitive fields a manager granted for this session. */
  grants: ReadonlySet<string>;
  /** Where classified reads are recorded for the audit; null when this caller's reads are not audited. */
  recorder: FieldReadSink | null;
  /**
   * For an assistant: the stand-ins of this session (keyed by its secret). Absent or null where
   * no assistant reads: a `pseudonym` decision then denies (fail closed).
   */
  pseudonyms?: Pseudonymise | null;
}

/** Receives each read of a non-public field with its decision (0 allow, 1 mask, 2 deny). */
export interface FieldReadSink {
  read(
    typeField: string,
    dataClass: DataClass | null,
    decision: 'allowed' | 'masked' | 'denied',
    parent: unknown,
    info: GraphQLResolveInfo | null,
  ): void;
  /**
   * A read as `read` records it, where no resolver ran: located by its response path and the
   * type of the object it was read of (a proxy forwarding the upstream's answer walks it itself).
   */
  readAt(
    typeField: string,
    dataClass: DataClass | null,
    decision: 'allowed' | 'masked' | 'denied',
    parent: unknown,
    path: ResponsePath | undefined,
    parentType: GraphQLObjectType | undefined,
  ): void;
  /**
   * A read already recorded as `shown` whose resolver then threw `error` (synchronously, or its
   * promise rejected): nothing was shown. The sink takes the read back, and records it as
   * denied when the error refused the caller (a resolver's own check, say).
   */
  failed(typeField: string, dataClass: DataClass | null, shown: 'allowed' | 'masked', error: unknown, parent: unknown, info: GraphQLResolveInfo): void;
  /**
   * What a field returning objects that say whose data they hold (`auditSubjectFrom`) returned,
   * a value or a promise of one: public reads are counted from the result after execution,
   * and this tells them whose each object was. Once per such field, not per object.
   */
  returned(info: GraphQLResolveInfo, value: unknown): void;
}

/** What the plugin decided about a field when the schema was built; stored in its extensions. */
export interface FieldPlan {
  coordinate: string;
  /** null: nobody classified it; it is handled as `secret`. */
  classification: DataClass | null;
  mask: MaskName | null;
  /** Position in `RequestPolicy.decisions`; -1 for public fields, which are never wrapped. */
  index: number;
  nullable: boolean;
  /** Scalar or enum (possibly in a list): a value that can be masked. */
  leaf: boolean;
  /** String or ID: masks other than `null` return strings. */
  stringLike: boolean;
  /** A list whose items are non-null (`[X!]`, at any depth): masked item by item, no item may be null. */
  nonNullItems: boolean;
}

/**
 * What an argument or input field reads of stored data: the output field whose value it filters,
 * searches or sorts by (`'User.email'`); for an enum, one entry per value (sorting by NAME reads
 * `User.name`, `false` for a value that reads nothing); or `false` when it reads no stored data at
 * all (page sizes, cursors, values to write, reasons). Every scalar or enum argument and input
 * field must say one of these: an undeclared one fails the build in development and test, and is
 * refused under impersonation in production.
 */
export type FiltersBy = string | false | Readonly<Record<string, string | false>>;

/** Where a field's plan is kept in the built schema: `field.extensions.warden`. */
export const PLAN_EXTENSION = 'warden';
/** Where an argument's or input field's `filtersBy` is kept: `arg.extensions.wardenFiltersBy`. */
export const FILTERS_BY_EXTENSION = 'wardenFiltersBy';
/**
 * Who may call a root field at all (the operation firewall): anyone signed in, a customer (or
 * support acting as one), staff, or staff holding a role. `auditor` admits security admins too.
 * `staff_or_assistant` admits AI assistants beside staff, for the fields an assistant may call on
 * a session of its own (start and end it); whether it may, the policy says, and the resolver checks.
 */
export type Callers = 'authenticated' | 'customer' | 'staff' | 'staff_or_assistant' | 'support_manager' | 'security_admin' | 'auditor';
export const CALLERS: readonly Callers[] = ['authenticated', 'customer', 'staff', 'staff_or_assistant', 'support_manager', 'security_admin', 'auditor'];
/** Where a root field's callers are kept: `field.extensions.wardenCallers`. */
export const CALLERS_EXTENSION = 'wardenCallers';

/** Where a mutation's risk tag is kept: `field.extensions.wardenRisk`. */
export const RISK_EXTENSION = 'wardenRisk';
/** Where a root mutation's effect describer is kept: `field.extensions.wardenEffect`. */
export const EFFECT_EXTENSION = 'wardenEffect';
/** Where a sensitive field's grant describer is kept: `field.extensions.wardenReveals`. */
export const REVEALS_EXTENSION = 'wardenReveals';

export interface WardenPolicyPluginOptions<Context> {
  /** The control switch: false builds the same schema with nothing enforced. @default true */
  enabled?: boolean;
  /**
   * What an unclassified field does to the build: `error` lists them all and fails (development
   * and test), `secret` treats each as `secret` at runtime (production keeps running).
   */
  onUnclassified: 'error' | 'secret';
  /** The request's policy, built in the context factory. */
  requestPolicy: (context: Context) => RequestPolicy;
}

/**
 * What a mutation needs during an impersonation session:
 * - `routine` (a setting, a tax rule): runs in a read-write session;
 * - `risky` (refund, export, reset login or MFA, delete, change billing or email): needs a
 *   manager's approval bound to this exact call, used once;
 * - `never-during-impersonation` (exports, bulk downloads): always refused;
 * - `session-control` (ending the session, asking for approvals): always allowed.
 */
export type MutationRisk = 'routine' | 'risky' | 'never-during-impersonation' | 'session-control';
export const MUTATION_RISKS: readonly MutationRisk[] = ['routine', 'risky', 'never-during-impersonation', 'session-control'];

import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { expect } from 'vitest';
import type { DevTokenSubject } from '../../src/auth/mint-token.js';
import type { Db } from '../../src/db/database.js';
import type { PolicyColumn } from '../../src/policy/data-class.js';
import { decideField } from '../../src/policy/decide.js';
import type { PolicyCatalog } from '../../src/policy/policy-catalog.js';
import type { PolicyDocument } from '../../src/policy/policy-document.js';
import { demoSubject } from '../../src/domain/demo-principals.js';
import { ImpApprove, ImpDelegate, ImpRequestFields, openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import type { TestGateway } from './gateway.js';
import { generateQuery, QUERY_STYLES, selectableFields, type GeneratedQuery, type QueryStyle } from './query-generator.js';

/**
 * The canary check, for any schema behind Warden: recognisable values seeded into one account,
 * queries generated from the schema in every style, and a search of every reply (and the logs
 * and the audit table) for the values the caller may not see in full.
 */

/**
 * A recognisable secret seeded into one account. It names the field it lives in and the token
 * that must never leave the gateway wherever that field is masked or denied: the part its mask
 * hides (the local part of an email, the leading digits of a card, all of a denied value).
 */
export interface Canary {
  field: string;
  value: string;
  token: string;
}

/** A schema, what its policy knows of it, and the canaries seeded into it. */
export interface CanaryWorld {
  schema: GraphQLSchema;
  catalog: PolicyCatalog;
  canaries: readonly Canary[];
  /** Values the schema never exposes at all: they must not appear for anyone, ever. */
  neverShown: readonly Canary[];
}

/** Who looks, and through which root fields. */
export interface Viewer {
  name: string;
  column: PolicyColumn;
  as: string | DevTokenSubject;
  /**
   * A real impersonation session of `as`, as the canary account's customer, opened before the
   * suite; for an AI assistant, one `delegatedBy` opens and delegates to it.
   */
  session?: { mode: 'read_only' | 'read_write'; grants?: string[]; delegatedBy?: DevTokenSubject & { kind: 'staff' } };
  roots: Array<[root: string, args: string]>;
  /**
   * Where the policy alone does not say what this viewer can see (staff reach only a directory,
   * which shows one canary's value and none other): the canaries it may see.
   */
  mayShow?: (canary: Canary) => boolean;
}

export interface Reply {
  status: number;
  text: string;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
    extensions?: { impersonation?: { sessionId?: string; mode?: string } };
  };
}

/** The styles whose documents send values that do not fit: refused as a whole. */
export const ECHO_STYLES: ReadonlySet<QueryStyle> = new Set<QueryStyle>(['echo-variables', 'echo-literals', 'echo-syntax']);

/** Tokens that must not appear for this viewer under `policy`: every canary it does not see in full. */
export function hiddenFrom(world: CanaryWorld, viewer: Viewer, policy: PolicyDocument = world.catalog.baseline): Canary[] {
  const grants = new Set(viewer.session?.grants ?? []);
  const hidden = world.canaries.filter((canary) => {
    const plan = world.catalog.fields.get(canary.field);
    if (!plan) throw new Error(`Canary for unknown field ${canary.field}`);
    if (viewer.mayShow) return !viewer.mayShow(canary);
    const decision = decideField(plan, viewer.column, policy);
    const granted = plan.classification === 'sensitive' && grants.has(canary.field);
    return decision !== 'allow' && !granted;
  });
  return [...hidden, ...world.neverShown];
}

export function leaks(text: string, canaries: readonly Canary[]): string[] {
  return canaries.filter((canary) => text.includes(canary.token)).map((canary) => canary.field);
}

/**
 * Opens `viewer`'s session on `gateway` as the customer `userId` (approved by a manager where the
 * start needs it; its grants requested with `grantReason` and approved too); null for no session.
 */
export async function openViewerSession(gateway: TestGateway, viewer: Viewer, userId: string, grantReason: string): Promise<OpenSession | null> {
  if (!viewer.session || typeof viewer.as !== 'string') return null;
  const { delegatedBy } = viewer.session;
  if (delegatedBy) {
    const bearer = await gateway.tokenFor(delegatedBy);
    const opened = await openSession(gateway, { bearer, userId, mode: viewer.session.mode });
    const delegated = await gateway.execute(ImpDelegate, {
      as: null,
      headers: { authorization: `Bearer ${bearer}`, ...withSession(opened.token) },
      variables: { sessionId: opened.sessionId, assistantId: demoAssistantId(viewer.as) },
    });
    const token = delegated.body.data?.delegateSession.token;
    if (!token) throw new Error(`delegateSession failed: ${delegated.text}`);
    return { ...opened, token };
  }
  const session = await openSession(gateway, { agent: viewer.as, userId, mode: viewer.session.mode });
  if (viewer.session.grants) {
    const requested = await gateway.execute(ImpRequestFields, {
      as: viewer.as,
      headers: withSession(session.token),
      variables: { input: { fields: viewer.session.grants, reason: grantReason } },
    });
    const id = requested.body.data?.requestFieldAccess.id;
    if (!id) throw new Error(`requestFieldAccess failed: ${requested.text}`);
    const approved = await gateway.execute(ImpApprove, { as: 'manager', variables: { id, note: 'Identity dispute, ticket checked' } });
    expect(approved.body.errors).toBeUndefined();
  }
  return session;
}

/** The directory id of a demo assistant alias (`assistant`), as a delegation names it. */
function demoAssistantId(alias: string): string {
  const subject = demoSubject(alias);
  if (subject?.kind !== 'ai_agent') throw new Error(`${alias} is not a demo assistant`);
  return subject.sub;
}

/** Sends `generated` as `viewer`, in `session` when given. */
export async function run(gateway: TestGateway, viewer: Viewer, generated: GeneratedQuery, session: OpenSession | null): Promise<Reply> {
  const token = await gateway.tokenFor(viewer.as);
  const response = await gateway.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(session ? withSession(session.token) : {}) },
    body: JSON.stringify(generated),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Reply['body'] };
}

/** Generates `style` from `root` for `viewer`; the error-echo styles send the viewer's hidden values. */
export function queryFor(
  world: CanaryWorld,
  viewer: Viewer,
  root: string,
  args: string,
  style: QueryStyle | readonly QueryStyle[],
  policy: PolicyDocument = world.catalog.baseline,
  include?: ReadonlySet<string>,
): GeneratedQuery {
  const echo = hiddenFrom(world, viewer, policy).map((canary) => canary.value);
  return generateQuery(world.schema, root, args, { style, echo, ...(include ? { include } : {}) });
}

/**
 * The documents `style` is checked with: one, or for `echo-syntax` one per hidden value, since
 * parsing stops at the first value out of place.
 */
export function queriesFor(world: CanaryWorld, viewer: Viewer, root: string, args: string, style: QueryStyle, policy: PolicyDocument = world.catalog.baseline): GeneratedQuery[] {
  if (style !== 'echo-syntax') return [queryFor(world, viewer, root, args, style, policy)];
  return hiddenFrom(world, viewer, policy).map((canary) => generateQuery(world.schema, root, args, { style, echo: [canary.value] }));
}

/**
 * The hidden canaries `query` would bring back if nothing stopped them: those of the fields it
 * selects, or for the error-echo styles those of the values it sends.
 */
export function reachedBy(world: CanaryWorld, viewer: Viewer, root: string, query: GeneratedQuery, style: QueryStyle): Canary[] {
  const hidden = hiddenFrom(world, viewer);
  if (ECHO_STYLES.has(style)) {
    const sent = JSON.stringify(query);
    return hidden.filter((canary) => sent.includes(canary.token));
  }
  const selectable = new Set(selectableFields(world.schema, root));
  return hidden.filter((canary) => selectable.has(canary.field));
}

/** What every reply must satisfy: nothing hidden anywhere in it, and a session's banner when in one. */
export function expectNoLeak(
  world: CanaryWorld,
  viewer: Viewer,
  reply: Reply,
  echo: boolean,
  session: OpenSession | null,
  policy: PolicyDocument = world.catalog.baseline,
): void {
  expect(leaks(reply.text, hiddenFrom(world, viewer, policy))).toEqual([]);
  const codes = (reply.body.errors ?? []).map((e) => e.extensions?.code);
  // Proof the request ran in the real session. A document that fails to parse or validate never
  // reaches execution, and today such a reply carries no banner; the canary check above holds either way.
  if (session && !codes.some((code) => code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED')) {
    expect(reply.body.extensions?.impersonation).toMatchObject({ sessionId: session.sessionId, mode: viewer.session?.mode });
  }
  if (echo) {
    // Refused as a whole, without repeating what was sent.
    expect(reply.body.data ?? null).toBeNull();
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code) => code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED'), JSON.stringify(codes)).toBe(true);
  } else {
    expect(reply.body.data, reply.text.slice(0, 500)).toBeTruthy();
    expect(codes.filter((code) => code !== 'FIELD_DENIED')).toEqual([]);
  }
}

/** Every root of `viewer`, every document of `style`: nothing hidden in any reply. */
export async function expectNoLeakInStyle(
  world: CanaryWorld,
  gateway: TestGateway,
  viewer: Viewer,
  style: QueryStyle,
  session: OpenSession | null,
  policy: PolicyDocument = world.catalog.baseline,
): Promise<void> {
  for (const [root, args] of viewer.roots) {
    for (const query of queriesFor(world, viewer, root, args, style, policy)) {
      const reply = await run(gateway, viewer, query, session);
      expectNoLeak(world, viewer, reply, ECHO_STYLES.has(style), session, policy);
    }
  }
}

/**
 * The control: on a gateway with the plugin and the error cleaning off, `viewer`'s documents of
 * `style` bring back every hidden canary they reach, and between its roots they reach them all
 * (through the schema, or sent as a value), but for the fields `outsideRoots` names (on types
 * only other callers' roots lead to). So the check above can fail.
 */
export async function expectControlLeaksAll(
  world: CanaryWorld,
  control: TestGateway,
  viewer: Viewer,
  style: QueryStyle,
  session: OpenSession | null,
  outsideRoots: readonly string[] = [],
): Promise<void> {
  const leaked = new Set<string>();
  for (const [root, args] of viewer.roots) {
    for (const query of queriesFor(world, viewer, root, args, style)) {
      const reply = await run(control, viewer, query, session);
      if (!ECHO_STYLES.has(style)) expect(reply.body.extensions?.impersonation).toMatchObject({ sessionId: session?.sessionId });
      const reached = reachedBy(world, viewer, root, query, style).map((canary) => canary.field);
      expect(leaks(reply.text, hiddenFrom(world, viewer))).toEqual(expect.arrayContaining(reached));
      for (const field of reached) leaked.add(field);
    }
  }
  const reachable = hiddenFrom(world, viewer).filter(
    (canary) => ECHO_STYLES.has(style) || (!world.neverShown.includes(canary) && !outsideRoots.includes(canary.field)),
  );
  expect([...leaked].sort()).toEqual(reachable.map((canary) => canary.field).sort());
}

/**
 * Random selections from random roots of random viewers, in mixed styles: nothing hidden in
 * any reply. fast-check's own generators, so a failure shrinks to the fewest fields and styles.
 */
export async function expectNoLeakInRandomSelections(
  world: CanaryWorld,
  gateway: TestGateway,
  viewers: readonly Viewer[],
  sessionOf: (viewer: Viewer) => OpenSession | null,
  numRuns: number,
): Promise<void> {
  const picks = fc.constantFrom(...viewers).chain((viewer) =>
    fc.constantFrom(...viewer.roots).chain(([root, args]) =>
      fc.record({
        viewer: fc.constant(viewer),
        root: fc.constant(root),
        args: fc.constant(args),
        fields: fc.subarray(selectableFields(world.schema, root), { minLength: 1 }),
        styles: fc.subarray([...QUERY_STYLES], { minLength: 1 }),
      }),
    ),
  );
  await fc.assert(
    fc.asyncProperty(picks, async ({ viewer, root, args, fields, styles }) => {
      const reply = await run(gateway, viewer, queryFor(world, viewer, root, args, styles, world.catalog.baseline, new Set(fields)), sessionOf(viewer));
      expect(leaks(reply.text, hiddenFrom(world, viewer))).toEqual([]);
    }),
    { numRuns },
  );
}

/**
 * Nothing hidden in the audit rows, with one exception: the name of the customer an event
 * concerns (`subjectName`, the canary holding it), which auditors must read ("Agent Sarah Lee
 * started a read-only session as <name>"). It may stand only in the summary, in the subject
 * (`user`, or the customer of an assistant's `chain`) of the details, in what staff typed (`details.arguments`), and as the actor of the
 * customer's own doing; every other canary stays out entirely.
 */
export async function expectNoCanaryInAudit(world: CanaryWorld, db: Db, subjectName: Canary | undefined): Promise<void> {
  const rows = await db.selectFrom('audit_events').selectAll().execute();
  expect(rows.some((row) => row.kind === 'session_started')).toBe(true);
  expect(rows.some((row) => row.kind === 'field_read' && row.decision === 'masked')).toBe(true);
  const others = [...world.canaries, ...world.neverShown].filter((canary) => canary.token !== subjectName?.token);
  expect(leaks(JSON.stringify(rows), others)).toEqual([]);
  const withoutSubject = rows.map(({ summary: _summary, details, actor_name, ...row }) => ({
    ...row,
    actor_name: row.actor_kind === 'customer' && row.actor_id === row.subject_user_id ? '(the customer)' : actor_name,
    details: withoutSubjectName(details),
  }));
  expect(leaks(JSON.stringify(withoutSubject), subjectName ? [subjectName] : [])).toEqual([]);
}

/**
 * `details` with the name of the customer it concerns (every `user: { id, name }`, and the
 * customer at the head of an assistant's `chain`) and what the caller searched for
 * (`arguments`, as typed) taken out.
 */
function withoutSubjectName(details: unknown): unknown {
  return JSON.parse(JSON.stringify(details), (key: string, value: unknown) => {
    if (key === 'arguments') return '(what the caller asked for)';
    // An assistant's rows name the chain, customer first: that customer is the subject too.
    const subject = key === 'user' || (typeof value === 'object' && value !== null && 'role' in value && value.role === 'customer');
    return subject && typeof value === 'object' && value !== null ? { ...value, name: '(the customer)' } : value;
  });
}

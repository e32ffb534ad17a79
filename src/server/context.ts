import type { YogaInitialContext } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import { FieldReadRecorder } from '../audit/field-read-recorder.js';
import { loadPrincipal, type DeactivatedPrincipal } from '../auth/authenticate.js';
import type { TokenRejection, VerifyToken } from '../auth/verify-token.js';
import type { Db } from '../db/database.js';
import { Unauthenticated } from '../auth/unauthenticated.js';
import type { AuditChainSettings, GatewayContext } from '../graphql/context.js';
import type { Logger } from '../log/logger.js';
import type { Principal } from '../auth/principal.js';
import type { WardenIdentity } from '../identity/identity.js';
import { DEVELOPMENT_CHECKPOINT_KEY, type ImpersonationSettings } from '../config/config.js';
import { DEFAULT_CHECKPOINT_TOLERANCE_MS } from '../audit/verify-chain.js';
import { directAccess, type AccessContext } from '../policy/access.js';
import type { PolicySource } from '../policy/policy-source.js';
import { createPseudonyms } from '../policy/pseudonym.js';
import type { PolicyCatalog } from '../policy/policy-catalog.js';
import { requestTrace, type RequestTraces } from '../tracing/request-traces.js';

/** Builds the application's part of a request's context from Warden's (see `ContextFactoryOptions.appContext`). */
export type AppContext = (context: GatewayContext) => object | Promise<object>;

/** Decides whose data a request reaches; impersonation sessions plug in here. */
export type ResolveAccess = (principal: Principal, request: Request, requestId: string) => Promise<AccessContext> | AccessContext;

/** Told of a signed token for a deactivated staff member, before the request is refused. */
export type RefuseDeactivatedStaff = (who: DeactivatedPrincipal, request: Request, requestId: string) => Promise<void>;

export interface ContextFactoryOptions {
  db: Db;
  /** How Warden learns who the application's customers are. */
  identity: WardenIdentity;
  verifyToken: VerifyToken;
  logger: Logger;
  requestIdOf: (request: Request) => string;
  policy: PolicySource;
  policyCatalog: PolicyCatalog;
  settings: ImpersonationSettings;
  /** Checking the audit chain's status (`auditChainStatus`). @default the development checkpoint key, 3 minutes */
  auditChain?: AuditChainSettings;
  /** Record customers' reads of their own account too (their refusals always are). @default false */
  auditCustomerReads?: boolean;
  /**
   * Record what each request read, for the audit trail. Off only where the trail is (the
   * benchmark's policy-alone mode): nothing would write the reads. @default true
   */
  recordReads?: boolean;
  /** @default direct access: customers reach their own account, staff the directory */
  resolveAccess?: ResolveAccess;
  /**
   * What the application adds to every request's context (its own database handle, loaders…),
   * built after Warden's part; its keys must not be Warden's. Resolvers see both.
   */
  appContext?: AppContext;
  /** Records a deactivated staff member's or assistant's refusal (and ends a session of theirs the token was sent with). @default nothing */
  refuseDeactivatedStaff?: RefuseDeactivatedStaff;
  /** Where each request's `trace` puts its spans. @default none: `trace` records nothing */
  traces?: Pick<RequestTraces, 'inSpan'>;
}

/** The scheme is case-insensitive (RFC 9110): `bearer` and `BEARER` are as good as `Bearer`. */
const BEARER = /^Bearer +([A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+\.[A-Za-z0-9_\-+/=]*)$/i;

const REJECTION_MESSAGES: Record<TokenRejection['kind'], string> = {
  malformed: 'The bearer token is not a valid JWT; sign in again to get a new one.',
  expired: 'Your token has expired; sign in again.',
  'bad-signature': 'The bearer token was not signed by a key Warden trusts; sign in again.',
  'invalid-claims': 'The bearer token lacks a claim Warden needs',
  'keys-unavailable': "Warden could not fetch the identity provider's keys (WARDEN_JWKS_URL) to check your token; try again in a moment.",
};

/**
 * Authenticates every GraphQL request (`useAuthentication` asks first, before the body is
 * read): no valid token, nothing read, no data.
 * The error never says more than the caller needs to fix it (never which user ids exist).
 * A request's context is built once: asked again for the same request (the banner of a
 * response refused before execution), the factory answers with the same one, or the same refusal.
 */
export function createContextFactory(options: ContextFactoryOptions) {
  const refreshPolicy = async () => {
    await options.policy.refresh?.();
  };
  const auditChain = options.auditChain ?? { verifyKeys: [DEVELOPMENT_CHECKPOINT_KEY], toleranceMs: DEFAULT_CHECKPOINT_TOLERANCE_MS };
  const built = new WeakMap<Request, Promise<GatewayContext>>();
  const forRequest = (request: Request): Promise<GatewayContext> => {
    const existing = built.get(request);
    if (existing) return existing;
    const context = buildContext(request);
    built.set(request, context);
    return context;
  };
  return Object.assign(({ request }: YogaInitialContext) => forRequest(request), { forRequest });

  async function buildContext(request: Request): Promise<GatewayContext> {
    const header = request.headers.get('authorization');
    if (!header) {
      throw new Unauthenticated('no-token', 'Send your token as "Authorization: Bearer <token>".');
    }
    const token = BEARER.exec(header.trim())?.[1];
    if (!token) throw new Unauthenticated('malformed', REJECTION_MESSAGES.malformed);

    const verified = await options.verifyToken(token);
    if (verified.kind !== 'verified') {
      const message =
        verified.kind === 'invalid-claims'
          ? `${REJECTION_MESSAGES['invalid-claims']} (${verified.reason}); sign in again.`
          : REJECTION_MESSAGES[verified.kind];
      throw new Unauthenticated(verified.kind, message);
    }
    const principal = await loadPrincipal(options.db, options.identity, verified.claims);
    const requestId = options.requestIdOf(request);
    if (principal.kind === 'inactive-staff' || principal.kind === 'unknown-principal') {
      // A deactivated staff member is someone Warden knows: the refusal is theirs, on the trail.
      // A person it does not know is a stranger (any identity provider user), only counted.
      if (principal.kind === 'inactive-staff') await options.refuseDeactivatedStaff?.(principal.who, request, requestId);
      throw new Unauthenticated(
        principal.kind === 'inactive-staff' ? 'deactivated' : 'unknown-person',
        'Warden does not know the person this token names, or they were deactivated; sign in again.',
      );
    }
    const access = await (options.resolveAccess ?? directAccess)(principal, request, requestId);
    const compiled = options.policy.current();
    // Refusals are always recorded; customers' own reads only when asked for.
    const reads = access.column !== 'customer' || options.auditCustomerReads ? 'all' : 'refusals';
    const audit = { recorder: new FieldReadRecorder(reads), recordedErrors: new WeakSet<GraphQLError>() };
    const context: GatewayContext = {
      db: options.db,
      identity: options.identity,
      principal,
      access,
      policy: {
        version: compiled.version,
        decisions: compiled.columns[access.column],
        grants: access.grants,
        recorder: options.recordReads === false ? null : audit.recorder,
        pseudonyms: access.pseudonymKey ? createPseudonyms(access.pseudonymKey) : null,
      },
      audit,
      policyDocument: compiled.document,
      policyCatalog: options.policyCatalog,
      refreshPolicy: refreshPolicy,
      settings: options.settings,
      auditChain,
      requestId,
      logger: options.logger.child({ requestId }),
      trace: requestTrace(options.traces, request),
    };
    if (!options.appContext) return context;
    const own = await options.appContext(context);
    for (const key of Object.keys(own)) {
      if (key in context) throw new Error(`The application's context names "${key}", which Warden's context already has; give it another name.`);
    }
    return Object.assign(context, own);
  }
}

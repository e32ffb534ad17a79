import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { auditStreamFrom, type AuditStreamConfig } from './audit-stream-config.js';

/**
 * The development JWT secret. It is public by definition: `npm start` prints it so demo tokens
 * can be minted, and production refuses to start with it.
 */
export const DEVELOPMENT_JWT_SECRET = 'warden-development-secret-change-me-0123456789';

/** Signs audit checkpoints in development only; production refuses to start without its own key. */
export const DEVELOPMENT_CHECKPOINT_KEY = 'warden-development-audit-checkpoint-key-0123';

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
  /** How many times one selection set may select the same field (fragments included). */
  maxFieldRepeats: number;
  /** Bytes a request body may hold; a policy document published whole is the largest legitimate one. */
  maxBodyBytes: number;
}

/** Impersonation rules an operator may tune; the defaults follow DESIGN.md. */
export interface ImpersonationSettings {
  /** Staff must have signed in this recently to start a session. */
  authMaxAgeMinutes: number;
  defaultMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  idleMinutes: number;
  /** A ticket reference must match this, e.g. SUP-1234. */
  ticketPattern: RegExp;
  /** A pending request lapses after this long. */
  requestTtlMinutes: number;
  /** An approved mutation must be run, and a field grant stops revealing, after this long. */
  grantTtlMinutes: number;
}

/** Proxy mode: Warden in front of an existing GraphQL API (docs/proxy.md). */
export interface UpstreamConfig {
  /** WARDEN_UPSTREAM_URL: the upstream's GraphQL endpoint. */
  url: string;
  /** WARDEN_UPSTREAM_HEADERS: static headers for every call, as a JSON object. A credential: never log them. */
  headers: Record<string, string>;
  /** WARDEN_UPSTREAM_SDL: its schema as SDL; unset, Warden introspects the upstream at start. */
  sdlPath: string | undefined;
  /** WARDEN_UPSTREAM_CLASSES: the classification document of its fields. */
  classesPath: string;
  /** WARDEN_UPSTREAM_SIGNING_KEY: the private key Warden signs the upstream's tokens with (PKCS#8 PEM or a private JWK). */
  signingKey: string | undefined;
  /** WARDEN_UPSTREAM_ISSUER and WARDEN_UPSTREAM_AUDIENCE: `iss` and `aud` of those tokens. */
  issuer: string;
  audience: string;
  /** WARDEN_UPSTREAM_TIMEOUT_MS: a call that takes longer answers UPSTREAM_UNAVAILABLE. */
  timeoutMs: number;
  /** WARDEN_UPSTREAM_IDENTITY_QUERY: a file holding the query that asks the upstream who a customer is. */
  identityQueryPath: string | undefined;
}

export interface Config {
  production: boolean;
  /** NODE_ENV=development: errors keep their detail; tests and production mask them. */
  development: boolean;
  port: number;
  host: string;
  /**
   * WARDEN_CORS_ORIGINS: the other origins whose pages may call the gateway from a browser, with
   * credentials, exactly as a browser sends `Origin`. Empty: same-origin only.
   */
  corsOrigins: string[];
  databaseUrl: string | undefined;
  /** WARDEN_DB_SCHEMA: the PostgreSQL schema Warden's own tables live in (see `openDatabase`). */
  databaseSchema: string | undefined;
  dataDir: string;
  jwt: {
    secret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
    usingDevelopmentSecret: boolean;
  };
  /** WARDEN_WEBHOOK_URL: where notifications go (Slack-compatible). A credential: never log it. */
  webhookUrl: string | undefined;
  seedDemoData: boolean;
  /** Apply pending migrations at start (needs the owner's rights); otherwise refuse to start while any is pending. */
  migrateOnStart: boolean;
  logLevel: string;
  limits: Limits;
  impersonation: ImpersonationSettings;
  audit: {
    /** Record customers' reads of their own account (staff and sessions are always recorded). */
    customerReads: boolean;
    /** Signs audit checkpoints; keep it outside the database. */
    checkpointKey: string;
    usingDevelopmentCheckpointKey: boolean;
    /** Keys `audit:verify` also accepts: those rotated out, or the public half of an Ed25519 key. */
    verifyKeys: string[];
    /** Each checkpoint is also appended here (JSON lines), for `audit:verify` to read back. */
    checkpointFile: string | undefined;
    /** `audit:verify` fails when rows have gone unsigned by any checkpoint this long. */
    checkpointToleranceMinutes: number;
    /** How often each instance signs a checkpoint of the chain's head. */
    checkpointSeconds: number;
    /**
     * WARDEN_AUDIT_CHAINS: how many audit chains writers may spread over, each with a head of its
     * own, so that instances appending at once do not all wait on one lock. Heads are created
     * when writers find every existing one busy, and never removed.
     */
    chains: number;
    /** WARDEN_AUDIT_STREAM_*: where the trail is streamed, if anywhere (docs/audit-streaming.md). */
    stream: AuditStreamConfig;
  };
  /** Set when WARDEN_UPSTREAM_URL is: Warden serves that API's schema instead of one built in code. */
  upstream: UpstreamConfig | null;
  /** `GET /metrics` in Prometheus's text format (docs/operations.md#metrics). */
  metrics: {
    /** WARDEN_METRICS: on, or off (then /metrics is 404). @default on; in production, on only when a token is set */
    enabled: boolean;
    /** WARDEN_METRICS_TOKEN: scrapers must send it as a bearer token. A credential: never log it. */
    token: string | undefined;
  };
  /**
   * Warden's own trace exporter, configured by the standard OTEL_* variables
   * (docs/operations.md#traces); null when they configure none: no spans leave the instance
   * unless the application registered an OpenTelemetry SDK of its own.
   */
  tracing: TracingConfig | null;
  /**
   * WARDEN_MCP_OPERATIONS: a .graphql file of named operations, each with a # comment above it,
   * served as MCP tools at /mcp (docs/mcp.md); for a start with no code to declare them in (proxy mode).
   */
  mcpOperationsPath: string | undefined;
}

/** Where `startWarden` sends its spans. Headers, compression and certificates the exporter reads from OTEL_EXPORTER_OTLP_* itself. */
export interface TracingConfig {
  /** OTEL_TRACES_EXPORTER: `otlp` (OTLP over HTTP, protobuf), or `console` (standard output, for a look while developing). */
  exporter: 'otlp' | 'console';
  /** OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT + `/v1/traces`. A credential may be in it: never log it whole. */
  endpoint: string;
  /** OTEL_EXPORTER_OTLP_TRACES_TIMEOUT, else OTEL_EXPORTER_OTLP_TIMEOUT: how long one export may take, retries included. */
  timeoutMs: number;
  /** OTEL_SERVICE_NAME; unset, the name in OTEL_RESOURCE_ATTRIBUTES, else `warden`. */
  serviceName: string | undefined;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/**
 * The modes Warden knows. Anything else is refused rather than guessed at: a `staging` that
 * silently kept GraphiQL, the published JWT secret and the demo data would be worse than none.
 */
const NODE_ENVS = ['development', 'test', 'production'];

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** Reads the environment once at start; every problem is reported together, naming the variable. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = env['NODE_ENV'] || 'development';
  if (!NODE_ENVS.includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, test or production (got "${nodeEnv}"); use production for any deployment others rely on, staging included.`);
  }
  const production = nodeEnv === 'production';

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}").`);
    return fallback;
  };

  const jwksUrl = env['WARDEN_JWKS_URL'] || undefined;
  let secret = env['WARDEN_JWT_SECRET'] || undefined;
  let usingDevelopmentSecret = false;
  if (jwksUrl) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(jwksUrl);
    } catch {
      problems.push(`WARDEN_JWKS_URL must be an absolute URL (got "${jwksUrl}").`);
    }
    // Keys fetched in clear can be swapped on the way, and then any token forged.
    if (parsed && parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      problems.push(`WARDEN_JWKS_URL must be an https:// URL (got a ${parsed.protocol} one).`);
    } else if (parsed && production && parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
      problems.push('WARDEN_JWKS_URL must use https:// in production: keys fetched in clear could be replaced on the way, and any token forged with them.');
    }
  }
  if (!secret && !jwksUrl) {
    if (production) {
      problems.push('Set WARDEN_JWT_SECRET (32+ characters) or WARDEN_JWKS_URL: production has no default secret.');
    } else {
      secret = DEVELOPMENT_JWT_SECRET;
      usingDevelopmentSecret = true;
    }
  }
  if (secret && secret.length < 32) {
    problems.push('WARDEN_JWT_SECRET must be at least 32 characters long (HS256 needs 256 bits).');
  }
  if (production && secret === DEVELOPMENT_JWT_SECRET) {
    problems.push('WARDEN_JWT_SECRET is the published development secret: choose your own for production.');
  }

  let ticketPattern = /^[A-Z][A-Z0-9]{1,9}-\d{1,8}$/;
  const rawPattern = env['WARDEN_TICKET_PATTERN'];
  if (rawPattern) {
    try {
      // The whole reference must match: unanchored, `SUP-\d+` would accept "see SUP-1 or anything".
      ticketPattern = new RegExp(`^(?:${rawPattern})$`);
    } catch {
      problems.push(`WARDEN_TICKET_PATTERN is not a valid regular expression (got "${rawPattern}").`);
    }
  }
  const checkpointKey = env['WARDEN_AUDIT_CHECKPOINT_KEY'] || undefined;
  if (checkpointKey && checkpointKey.length < 32) problems.push('WARDEN_AUDIT_CHECKPOINT_KEY must be at least 32 characters long.');
  if (production && !checkpointKey) problems.push('Set WARDEN_AUDIT_CHECKPOINT_KEY (32+ characters, kept outside the database): production has no default.');
  if (production && checkpointKey === DEVELOPMENT_CHECKPOINT_KEY) {
    problems.push('WARDEN_AUDIT_CHECKPOINT_KEY is the published development key: anyone could sign checkpoints with it. Choose your own for production.');
  }
  // Whoever runs audit:verify holds the checkpoint key: it must not also sign tokens.
  if (checkpointKey && checkpointKey === secret) problems.push('WARDEN_AUDIT_CHECKPOINT_KEY must differ from WARDEN_JWT_SECRET: whoever verifies the trail would hold the key that signs tokens.');
  const minMinutes = int('WARDEN_SESSION_MIN_MINUTES', 15, 1, 1440);
  const maxMinutes = int('WARDEN_SESSION_MAX_MINUTES', 60, 1, 1440);
  const defaultMinutes = int('WARDEN_SESSION_DEFAULT_MINUTES', 30, 1, 1440);
  if (!(minMinutes <= defaultMinutes && defaultMinutes <= maxMinutes)) {
    problems.push('Session lengths must satisfy WARDEN_SESSION_MIN_MINUTES <= WARDEN_SESSION_DEFAULT_MINUTES <= WARDEN_SESSION_MAX_MINUTES.');
  }

  const databaseUrl = env['DATABASE_URL'] || undefined;
  // Not echoed back: the URL usually carries the database password.
  if (databaseUrl && !isPostgresUrl(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@host:5432/warden (unset it for the embedded database).');
  }
  const databaseSchema = env['WARDEN_DB_SCHEMA'] || undefined;
  if (databaseSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    problems.push(`WARDEN_DB_SCHEMA must be a plain schema name: lower-case letters, digits and underscores, starting with a letter (got "${databaseSchema.slice(0, 70)}").`);
  }
  const logLevel = env['WARDEN_LOG_LEVEL'] || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`WARDEN_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}").`);

  const checkpointSeconds = int('WARDEN_AUDIT_CHECKPOINT_SECONDS', 60, 5, 3600);
  const toleranceMinutes = int('WARDEN_AUDIT_CHECKPOINT_TOLERANCE_MINUTES', 3, 2, 10080);
  // audit:verify must not find rows unsigned for longer than it tolerates between two on-time checkpoints.
  if (checkpointSeconds * 2 > toleranceMinutes * 60) {
    problems.push(
      `WARDEN_AUDIT_CHECKPOINT_SECONDS (${checkpointSeconds}) must be at most half of WARDEN_AUDIT_CHECKPOINT_TOLERANCE_MINUTES (${toleranceMinutes} minutes): sign checkpoints more often, or raise the tolerance, or audit:verify would fail on rows merely waiting for the next one.`,
    );
  }
  const checkpointFile = env['WARDEN_AUDIT_CHECKPOINT_FILE'] ? path.resolve(env['WARDEN_AUDIT_CHECKPOINT_FILE']) : undefined;
  // Checkpoints are logged at info: above it, with no file either, none would leave the database.
  if (production && !checkpointFile && LOG_LEVELS.indexOf(logLevel) > LOG_LEVELS.indexOf('info')) {
    problems.push(
      `WARDEN_LOG_LEVEL=${logLevel} hides the "audit checkpoint signed" lines and WARDEN_AUDIT_CHECKPOINT_FILE is unset, so no audit checkpoint would be kept outside the database: ` +
        'set WARDEN_AUDIT_CHECKPOINT_FILE (a file on append-only storage), or log at info and ship those lines where the database owner cannot edit them.',
    );
  }

  const corsOrigins = (env['WARDEN_CORS_ORIGINS'] ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    const problem = corsOriginProblem(origin);
    if (problem) problems.push(`WARDEN_CORS_ORIGINS ${problem}`);
  }

  const webhookUrl = env['WARDEN_WEBHOOK_URL'] || undefined;
  // Not echoed back: a Slack webhook URL is itself the secret.
  if (webhookUrl && !isHttpUrl(webhookUrl)) problems.push('WARDEN_WEBHOOK_URL must be an absolute http(s) URL.');

  const upstream = upstreamFrom(env, production, int, problems);
  const stream = auditStreamFrom(env, production, int, problems);
  const metrics = metricsFrom(env, production, secret, problems);
  const tracing = tracingFrom(env, problems);

  const config: Config = {
    production,
    development: nodeEnv === 'development',
    port: int('PORT', 4000, 0, 65535),
    host: env['HOST'] || '127.0.0.1',
    corsOrigins,
    databaseUrl,
    databaseSchema,
    // Proxy mode keeps its own embedded database: the demo's staff and sessions are not its.
    dataDir: dataDirFrom(env['WARDEN_DATA_DIR'] || (upstream ? '.warden/proxy-pgdata' : '.warden/pgdata')),
    jwt: {
      secret,
      jwksUrl,
      issuer: env['WARDEN_JWT_ISSUER'] || undefined,
      audience: env['WARDEN_JWT_AUDIENCE'] || undefined,
      usingDevelopmentSecret,
    },
    webhookUrl,
    seedDemoData: bool('WARDEN_SEED_DEMO_DATA', !production),
    // A production gateway on a server runs as the application role, which cannot migrate.
    migrateOnStart: bool('WARDEN_MIGRATE_ON_START', !(production && env['DATABASE_URL'])),
    logLevel,
    limits: {
      maxDepth: int('WARDEN_MAX_DEPTH', 10, 2, 100),
      maxAliases: int('WARDEN_MAX_ALIASES', 15, 1, 1000),
      maxCost: int('WARDEN_MAX_COST', 20000, 10, 10_000_000),
      maxTokens: int('WARDEN_MAX_TOKENS', 2000, 50, 100_000),
      maxDirectives: int('WARDEN_MAX_DIRECTIVES', 20, 1, 1000),
      maxFieldRepeats: int('WARDEN_MAX_FIELD_REPEATS', 100, 1, 10_000),
      maxBodyBytes: int('WARDEN_MAX_BODY_BYTES', 100_000, 1_000, 100_000_000),
    },
    audit: {
      customerReads: bool('WARDEN_AUDIT_CUSTOMER_READS', false),
      checkpointKey: checkpointKey ?? DEVELOPMENT_CHECKPOINT_KEY,
      usingDevelopmentCheckpointKey: !checkpointKey,
      verifyKeys: (env['WARDEN_AUDIT_CHECKPOINT_VERIFY_KEYS'] ?? '').split(',').map((key) => key.trim()).filter(Boolean),
      checkpointFile,
      checkpointToleranceMinutes: toleranceMinutes,
      checkpointSeconds,
      chains: int('WARDEN_AUDIT_CHAINS', 8, 1, 64),
      stream,
    },
    impersonation: {
      authMaxAgeMinutes: int('WARDEN_AUTH_MAX_AGE_MINUTES', 5, 1, 1440),
      defaultMinutes,
      minMinutes,
      maxMinutes,
      idleMinutes: int('WARDEN_SESSION_IDLE_MINUTES', 15, 1, 1440),
      ticketPattern,
      requestTtlMinutes: int('WARDEN_REQUEST_TTL_MINUTES', 60, 1, 10080),
      grantTtlMinutes: int('WARDEN_GRANT_TTL_MINUTES', 15, 1, 1440),
    },
    upstream,
    metrics,
    tracing,
    mcpOperationsPath: env['WARDEN_MCP_OPERATIONS'] ? path.resolve(env['WARDEN_MCP_OPERATIONS']) : undefined,
  };
  if (problems.length > 0) {
    throw new ConfigError(`Warden cannot start:\n- ${problems.join('\n- ')}`);
  }
  return config;
}

/** RFC 6750's token characters: what an Authorization header carries without quoting. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Whether /metrics is served, and the token it asks for; problems are added to the start's list. */
function metricsFrom(env: Env, production: boolean, jwtSecret: string | undefined, problems: string[]): Config['metrics'] {
  const token = env['WARDEN_METRICS_TOKEN'] || undefined;
  // Not echoed back: it is a credential.
  if (token !== undefined && (token.length < 32 || !BEARER_TOKEN.test(token))) {
    problems.push('WARDEN_METRICS_TOKEN must be at least 32 characters of letters, digits and - . _ ~ + / (e.g. the output of `openssl rand -hex 32`).');
  }
  if (token !== undefined && token === jwtSecret) {
    problems.push('WARDEN_METRICS_TOKEN must differ from WARDEN_JWT_SECRET: whoever can scrape the metrics must not be able to sign tokens.');
  }
  const raw = env['WARDEN_METRICS'];
  // Production serves metrics only when asked to, or when a token protects them.
  let enabled = production ? token !== undefined : true;
  if (raw !== undefined && raw !== '') {
    const value = raw.toLowerCase();
    if (value === 'on' || value === 'true') enabled = true;
    else if (value === 'off' || value === 'false') enabled = false;
    else problems.push(`WARDEN_METRICS must be on or off (got "${raw.slice(0, 40)}").`);
  }
  return { enabled, token };
}

/** The trace exporters Warden ships; `none` turns traces off. */
const TRACE_EXPORTERS = ['otlp', 'console', 'none'];

/**
 * Warden's own trace exporter from the standard OTEL_* variables, or null. Off unless asked
 * for: an OTLP endpoint, or OTEL_TRACES_EXPORTER naming an exporter. OTEL_SDK_DISABLED=true
 * and OTEL_TRACES_EXPORTER=none turn it off whatever else is set.
 */
function tracingFrom(env: Env, problems: string[]): TracingConfig | null {
  const disabled = (env['OTEL_SDK_DISABLED'] ?? '').trim().toLowerCase();
  if (disabled !== '' && disabled !== 'true' && disabled !== 'false') problems.push(`OTEL_SDK_DISABLED must be true or false (got "${disabled.slice(0, 40)}").`);
  const names = (env['OTEL_TRACES_EXPORTER'] ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !TRACE_EXPORTERS.includes(name));
  if (unknown.length > 0) {
    problems.push(`OTEL_TRACES_EXPORTER lists ${unknown.map((name) => `"${name.slice(0, 40)}"`).join(', ')}, which Warden does not ship: use otlp (an OpenTelemetry Collector or any OTLP/HTTP receiver), console, or none.`);
  }
  const tracesEndpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || undefined;
  const baseEndpoint = env['OTEL_EXPORTER_OTLP_ENDPOINT'] || undefined;
  const protocol = env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'] || env['OTEL_EXPORTER_OTLP_PROTOCOL'] || 'http/protobuf';
  const timeoutName = env['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT'] ? 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT' : 'OTEL_EXPORTER_OTLP_TIMEOUT';
  const rawTimeout = env[timeoutName];
  const timeoutMs = rawTimeout ? Number(rawTimeout) : 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000) {
    problems.push(`${timeoutName} must be a whole number of milliseconds from 1 to 600000 (got "${String(rawTimeout).slice(0, 40)}").`);
  }
  if (disabled === 'true' || names.includes('none')) return null;
  if (names.includes('otlp') && names.includes('console')) problems.push('OTEL_TRACES_EXPORTER lists both otlp and console: Warden sends its spans to one exporter; choose one.');
  // An endpoint alone asks for OTLP, as it would of any OpenTelemetry SDK.
  const asksForOtlp = names.includes('otlp') || (names.length === 0 && (tracesEndpoint !== undefined || baseEndpoint !== undefined));
  const wanted = asksForOtlp ? 'otlp' : names.includes('console') ? 'console' : null;
  if (wanted === null) return null;
  let endpoint = 'http://localhost:4318/v1/traces';
  if (tracesEndpoint) endpoint = tracesEndpoint;
  else if (baseEndpoint) endpoint = `${baseEndpoint.replace(/\/+$/, '')}/v1/traces`;
  if (wanted === 'otlp') {
    // Not echoed back: an endpoint may carry a credential.
    if (!isHttpUrl(endpoint)) {
      problems.push(`${tracesEndpoint ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT'} must be an absolute http(s) URL of an OTLP/HTTP receiver, e.g. http://otel-collector:4318.`);
    }
    if (protocol !== 'http/protobuf') {
      problems.push(`OTEL_EXPORTER_OTLP_PROTOCOL (or OTEL_EXPORTER_OTLP_TRACES_PROTOCOL) is "${protocol.slice(0, 40)}", but Warden exports traces as http/protobuf only: set it to http/protobuf (or unset it) and point the endpoint at the receiver's OTLP/HTTP port (4318 on a Collector).`);
    }
  }
  return { exporter: wanted, endpoint, timeoutMs, serviceName: env['OTEL_SERVICE_NAME'] || undefined };
}

/** Proxy mode's settings, or null when WARDEN_UPSTREAM_URL is unset; problems are added to the start's list. */
function upstreamFrom(env: Env, production: boolean, int: (name: string, fallback: number, min: number, max: number) => number, problems: string[]): UpstreamConfig | null {
  const url = env['WARDEN_UPSTREAM_URL'] || undefined;
  const dependents = ['WARDEN_UPSTREAM_HEADERS', 'WARDEN_UPSTREAM_SDL', 'WARDEN_UPSTREAM_CLASSES', 'WARDEN_UPSTREAM_SIGNING_KEY', 'WARDEN_UPSTREAM_IDENTITY_QUERY'].filter((name) => env[name]);
  if (!url) {
    if (dependents.length > 0) problems.push(`${dependents.join(', ')} ${dependents.length === 1 ? 'is' : 'are'} set but WARDEN_UPSTREAM_URL is not: set it to the GraphQL endpoint Warden stands in front of, or unset them.`);
    return null;
  }
  // Not echoed back: a URL may carry credentials.
  if (!isHttpUrl(url)) problems.push('WARDEN_UPSTREAM_URL must be an absolute http(s) URL of the upstream GraphQL endpoint, e.g. http://127.0.0.1:4100/graphql.');
  let headers: Record<string, string> = {};
  const rawHeaders = env['WARDEN_UPSTREAM_HEADERS'];
  if (rawHeaders) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawHeaders);
    } catch {
      parsed = undefined;
    }
    const valid = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((value) => typeof value === 'string');
    // Not echoed back: these usually hold an API key.
    if (!valid) problems.push('WARDEN_UPSTREAM_HEADERS must be a JSON object of header names to string values, e.g. {"x-api-key":"…"}.');
    else {
      headers = parsed as Record<string, string>;
      if (Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
        problems.push('WARDEN_UPSTREAM_HEADERS cannot set Authorization: Warden sends the upstream a token it signs for each call (the customer, and the agent acting for them).');
      }
    }
  }
  const signingKey = env['WARDEN_UPSTREAM_SIGNING_KEY'] || undefined;
  if (production && !signingKey) problems.push('Set WARDEN_UPSTREAM_SIGNING_KEY (a PKCS#8 PEM private key; `npm run proxy:keygen` makes one): production has no ephemeral key, as the upstream must trust one that outlives a restart.');
  return {
    url,
    headers,
    sdlPath: env['WARDEN_UPSTREAM_SDL'] ? path.resolve(env['WARDEN_UPSTREAM_SDL']) : undefined,
    classesPath: path.resolve(env['WARDEN_UPSTREAM_CLASSES'] || 'warden.upstream.json'),
    signingKey,
    issuer: env['WARDEN_UPSTREAM_ISSUER'] || 'warden',
    audience: env['WARDEN_UPSTREAM_AUDIENCE'] || url,
    timeoutMs: int('WARDEN_UPSTREAM_TIMEOUT_MS', 10_000, 100, 300_000),
    identityQueryPath: env['WARDEN_UPSTREAM_IDENTITY_QUERY'] ? path.resolve(env['WARDEN_UPSTREAM_IDENTITY_QUERY']) : undefined,
  };
}

/**
 * What is wrong with one entry of WARDEN_CORS_ORIGINS, or null. An entry is compared with the
 * `Origin` header as it is, so it must be written as browsers write it: lower-case, no default
 * port, no path. `*` is refused: the listed origins get credentialed access, and reflecting any
 * origin with credentials would let every site read a signed-in user's data.
 */
function corsOriginProblem(origin: string): string | null {
  if (origin === '*') {
    return 'cannot be "*": the origins listed may send requests with credentials, so list each one (https://console.example.com).';
  }
  // URL parsing takes "https://*.example.com" as a host named "*.example.com", which no browser sends.
  if (origin.includes('*')) return `takes no patterns: list each origin exactly, e.g. https://console.example.com (got "${origin}").`;
  const parsed = URL.canParse(origin) ? new URL(origin) : null;
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
    return `must list origins as scheme://host[:port], comma-separated, e.g. https://console.example.com (got "${origin}").`;
  }
  // Not echoed back: whatever precedes the "@" is a password.
  if (parsed.username || parsed.password) return `must list origins without a user name or password: write "${parsed.origin}".`;
  if (parsed.origin !== origin) {
    return `must list origins exactly as browsers send them, scheme://host[:port] with no path: write "${parsed.origin}" (got "${origin}").`;
  }
  return null;
}

function isHttpUrl(raw: string): boolean {
  return URL.canParse(raw) && ['http:', 'https:'].includes(new URL(raw).protocol);
}

/** A folder, made absolute; `memory://` (an embedded database that keeps nothing) stays as it is. */
function dataDirFrom(raw: string): string {
  return raw.startsWith('memory://') ? raw : path.resolve(raw);
}

function isPostgresUrl(raw: string): boolean {
  return URL.canParse(raw) && ['postgres:', 'postgresql:'].includes(new URL(raw).protocol);
}

/** A fresh random secret, for tests that must not use the published development one. */
export function randomJwtSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A host name that can only be this machine (a JWKS served beside the gateway, as in tests). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

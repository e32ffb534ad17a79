import { describe, expect, it } from 'vitest';
import { checkpointPublishingWarning } from '../../src/audit/checkpoints.js';
import { ConfigError, DEVELOPMENT_CHECKPOINT_KEY, DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config/config.js';
import { metricsEndpointWarning } from '../../src/metrics/endpoint-warning.js';

const SECRET = 'a-jwt-secret-of-our-own-0123456789abcdef';
const CHECKPOINT_KEY = 'an-audit-checkpoint-key-0123456789abcdef';
const PRODUCTION = { NODE_ENV: 'production', WARDEN_JWT_SECRET: SECRET, WARDEN_AUDIT_CHECKPOINT_KEY: CHECKPOINT_KEY };

/** The problems loadConfig reports, one per line, without the heading. */
function problemsWith(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message.split('\n- ').slice(1);
  }
  return [];
}

describe('production', () => {
  it('starts with a JWT secret and an audit checkpoint key of its own, as README shows', () => {
    const config = loadConfig(PRODUCTION);
    expect(config).toMatchObject({ production: true, development: false, seedDemoData: false, jwt: { secret: SECRET, usingDevelopmentSecret: false } });
  });

  it('without a JWT secret, asks for one, and only that', () => {
    const { WARDEN_JWT_SECRET: _, ...withoutSecret } = PRODUCTION;
    expect(problemsWith(withoutSecret)).toEqual(['Set WARDEN_JWT_SECRET (32+ characters) or WARDEN_JWKS_URL: production has no default secret.']);
  });

  it('refuses the published development secret', () => {
    expect(problemsWith({ ...PRODUCTION, WARDEN_JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toEqual([
      'WARDEN_JWT_SECRET is the published development secret: choose your own for production.',
    ]);
  });

  it('refuses the published development checkpoint key, and a checkpoint key that is the JWT secret', () => {
    expect(problemsWith({ ...PRODUCTION, WARDEN_AUDIT_CHECKPOINT_KEY: DEVELOPMENT_CHECKPOINT_KEY })).toEqual([
      'WARDEN_AUDIT_CHECKPOINT_KEY is the published development key: anyone could sign checkpoints with it. Choose your own for production.',
    ]);
    expect(problemsWith({ ...PRODUCTION, WARDEN_AUDIT_CHECKPOINT_KEY: SECRET })).toEqual([
      'WARDEN_AUDIT_CHECKPOINT_KEY must differ from WARDEN_JWT_SECRET: whoever verifies the trail would hold the key that signs tokens.',
    ]);
  });

  it('takes the JWKS over https only (plain http on this machine alone), and no other scheme anywhere', () => {
    const { WARDEN_JWT_SECRET: _, ...withoutSecret } = PRODUCTION;
    expect(problemsWith({ ...withoutSecret, WARDEN_JWKS_URL: 'https://login.example.com/.well-known/jwks.json' })).toEqual([]);
    expect(problemsWith({ ...withoutSecret, WARDEN_JWKS_URL: 'http://127.0.0.1:8080/jwks.json' })).toEqual([]);
    expect(problemsWith({ ...withoutSecret, WARDEN_JWKS_URL: 'http://login.example.com/jwks.json' })).toEqual([
      'WARDEN_JWKS_URL must use https:// in production: keys fetched in clear could be replaced on the way, and any token forged with them.',
    ]);
    expect(problemsWith({ WARDEN_JWKS_URL: 'ftp://login.example.com/jwks.json' })).toEqual(['WARDEN_JWKS_URL must be an https:// URL (got a ftp: one).']);
  });

  it('without an audit checkpoint key, asks for one', () => {
    const { WARDEN_AUDIT_CHECKPOINT_KEY: _, ...withoutKey } = PRODUCTION;
    expect(problemsWith(withoutKey)).toEqual(['Set WARDEN_AUDIT_CHECKPOINT_KEY (32+ characters, kept outside the database): production has no default.']);
  });
});

describe('audit checkpoints kept outside the database, in production', () => {
  it('refuses a log level that hides the checkpoint lines when there is no checkpoint file either', () => {
    expect(problemsWith({ ...PRODUCTION, WARDEN_LOG_LEVEL: 'warn' })).toEqual([
      'WARDEN_LOG_LEVEL=warn hides the "audit checkpoint signed" lines and WARDEN_AUDIT_CHECKPOINT_FILE is unset, so no audit checkpoint would be kept outside the database: ' +
        'set WARDEN_AUDIT_CHECKPOINT_FILE (a file on append-only storage), or log at info and ship those lines where the database owner cannot edit them.',
    ]);
    // Either channel is enough; outside production, neither is asked for.
    expect(problemsWith({ ...PRODUCTION, WARDEN_LOG_LEVEL: 'warn', WARDEN_AUDIT_CHECKPOINT_FILE: '/archive/checkpoints.jsonl' })).toEqual([]);
    expect(problemsWith({ ...PRODUCTION, WARDEN_LOG_LEVEL: 'info' })).toEqual([]);
    expect(problemsWith({ WARDEN_LOG_LEVEL: 'silent' })).toEqual([]);
  });

  it('warns at start when the log is the only place checkpoints are kept', () => {
    expect(checkpointPublishingWarning(loadConfig(PRODUCTION))).toMatch(/^WARDEN_AUDIT_CHECKPOINT_FILE is unset: audit checkpoints are kept outside the database only in the "audit checkpoint signed" log lines\./);
    expect(checkpointPublishingWarning(loadConfig({ ...PRODUCTION, WARDEN_AUDIT_CHECKPOINT_FILE: '/archive/checkpoints.jsonl' }))).toBeNull();
    expect(checkpointPublishingWarning(loadConfig({}))).toBeNull();
  });
});

describe('NODE_ENV', () => {
  it.each(['development', 'test', 'production'])('accepts %s', (mode) => {
    expect(problemsWith({ ...PRODUCTION, NODE_ENV: mode })).toEqual([]);
  });

  it('makes WARDEN_TICKET_PATTERN match the whole ticket reference, anchored or not', () => {
    for (const pattern of ['SUP-\\d+', '^SUP-\\d+$', 'SUP-\\d+|INC\\d+']) {
      const { ticketPattern } = loadConfig({ WARDEN_TICKET_PATTERN: pattern }).impersonation;
      expect(['SUP-12', 'see SUP-12 or whatever', 'SUP-12 and more', 'INC1x'].map((ticket) => ticketPattern.test(ticket))).toEqual([true, false, false, false]);
    }
  });

  it('defaults to development when unset', () => {
    expect(loadConfig({})).toMatchObject({ development: true, production: false, jwt: { usingDevelopmentSecret: true } });
  });

  it('refuses any other mode instead of keeping the development defaults', () => {
    expect(problemsWith({ ...PRODUCTION, NODE_ENV: 'staging' })).toEqual([
      'NODE_ENV must be development, test or production (got "staging"); use production for any deployment others rely on, staging included.',
    ]);
  });
});

describe('a bad value stops the start, naming the variable', () => {
  it('WARDEN_LOG_LEVEL', () => {
    expect(problemsWith({ WARDEN_LOG_LEVEL: 'loud' })).toEqual([
      'WARDEN_LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent (got "loud").',
    ]);
    expect(loadConfig({ WARDEN_LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
  });

  it.each(['not-a-url', 'mysql://root:hunter2@db:3306/warden', 'db.internal:5432/warden'])('DATABASE_URL %s, without echoing it', (url) => {
    const problems = problemsWith({ DATABASE_URL: url });
    expect(problems).toEqual([
      'DATABASE_URL must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@host:5432/warden (unset it for the embedded database).',
    ]);
    expect(problems.join()).not.toContain(url);
  });

  it.each(['postgres://warden:secret@db.internal:5432/warden', 'postgresql://db.internal/warden'])('accepts DATABASE_URL %s', (url) => {
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it('PORT', () => {
    expect(problemsWith({ PORT: '70000' })).toEqual(['PORT must be a whole number from 0 to 65535 (got "70000").']);
  });

  it('WARDEN_AUDIT_CHECKPOINT_SECONDS, at most half the tolerance audit:verify applies', () => {
    expect(loadConfig({}).audit.checkpointSeconds).toBe(60);
    expect(loadConfig({ WARDEN_AUDIT_CHECKPOINT_SECONDS: '15' }).audit.checkpointSeconds).toBe(15);
    expect(problemsWith({ WARDEN_AUDIT_CHECKPOINT_SECONDS: '1' })).toEqual(['WARDEN_AUDIT_CHECKPOINT_SECONDS must be a whole number from 5 to 3600 (got "1").']);
    expect(problemsWith({ WARDEN_AUDIT_CHECKPOINT_SECONDS: '120' })).toEqual([
      'WARDEN_AUDIT_CHECKPOINT_SECONDS (120) must be at most half of WARDEN_AUDIT_CHECKPOINT_TOLERANCE_MINUTES (3 minutes): sign checkpoints more often, or raise the tolerance, or audit:verify would fail on rows merely waiting for the next one.',
    ]);
    expect(loadConfig({ WARDEN_AUDIT_CHECKPOINT_SECONDS: '120', WARDEN_AUDIT_CHECKPOINT_TOLERANCE_MINUTES: '4' }).audit.checkpointSeconds).toBe(120);
  });

  it('WARDEN_AUDIT_CHAINS: 8 by default, 1 to 64, anything else refuses the start naming the variable', () => {
    expect(loadConfig({}).audit.chains).toBe(8);
    expect(loadConfig({ WARDEN_AUDIT_CHAINS: '1' }).audit.chains).toBe(1);
    expect(loadConfig({ WARDEN_AUDIT_CHAINS: '64' }).audit.chains).toBe(64);
    for (const bad of ['0', '65', '2.5', 'eight']) {
      expect(problemsWith({ WARDEN_AUDIT_CHAINS: bad })).toEqual([`WARDEN_AUDIT_CHAINS must be a whole number from 1 to 64 (got "${bad}").`]);
    }
  });

  it('WARDEN_MAX_BODY_BYTES', () => {
    expect(problemsWith({ WARDEN_MAX_BODY_BYTES: '10' })).toEqual(['WARDEN_MAX_BODY_BYTES must be a whole number from 1000 to 100000000 (got "10").']);
    expect(loadConfig({}).limits.maxBodyBytes).toBe(100_000);
  });

  it('WARDEN_MAX_FIELD_REPEATS', () => {
    expect(problemsWith({ WARDEN_MAX_FIELD_REPEATS: '0' })).toEqual(['WARDEN_MAX_FIELD_REPEATS must be a whole number from 1 to 10000 (got "0").']);
    expect(loadConfig({}).limits.maxFieldRepeats).toBe(100);
    expect(loadConfig({ WARDEN_MAX_FIELD_REPEATS: '250' }).limits.maxFieldRepeats).toBe(250);
  });

  it('several at once, each on its own line', () => {
    expect(problemsWith({ WARDEN_LOG_LEVEL: 'loud', DATABASE_URL: 'nope', PORT: 'x' })).toHaveLength(3);
  });
});

describe('WARDEN_DATA_DIR', () => {
  it('is made absolute, except memory:// (nothing kept on disk)', () => {
    expect(loadConfig({ WARDEN_DATA_DIR: 'data/pg' }).dataDir).toBe(`${process.cwd()}/data/pg`);
    expect(loadConfig({ WARDEN_DATA_DIR: 'memory://' }).dataDir).toBe('memory://');
  });
});

describe('WARDEN_CORS_ORIGINS', () => {
  it('is empty by default: same-origin only', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig(PRODUCTION).corsOrigins).toEqual([]);
  });

  it('lists exact origins, comma-separated, spaces and empty entries ignored', () => {
    const origins = loadConfig({ WARDEN_CORS_ORIGINS: 'https://console.example.com, http://localhost:5173,,https://[::1]:8443' }).corsOrigins;
    expect(origins).toEqual(['https://console.example.com', 'http://localhost:5173', 'https://[::1]:8443']);
  });

  it('refuses "*", saying why: the listed origins get credentials', () => {
    expect(problemsWith({ WARDEN_CORS_ORIGINS: '*' })).toEqual([
      'WARDEN_CORS_ORIGINS cannot be "*": the origins listed may send requests with credentials, so list each one (https://console.example.com).',
    ]);
    expect(problemsWith({ WARDEN_CORS_ORIGINS: 'https://console.example.com,*' })).toHaveLength(1);
  });

  it.each(['https://*.example.com', '*.example.com'])('refuses the pattern %s: origins are compared exactly', (origin) => {
    expect(problemsWith({ WARDEN_CORS_ORIGINS: origin })).toEqual([
      `WARDEN_CORS_ORIGINS takes no patterns: list each origin exactly, e.g. https://console.example.com (got "${origin}").`,
    ]);
  });

  it.each(['console.example.com', 'null', 'file:///tmp/x.html', 'chrome-extension://abcdef'])(
    'refuses %s, which is not a web origin',
    (origin) => {
      expect(problemsWith({ WARDEN_CORS_ORIGINS: origin })).toEqual([
        `WARDEN_CORS_ORIGINS must list origins as scheme://host[:port], comma-separated, e.g. https://console.example.com (got "${origin}").`,
      ]);
    },
  );

  it.each([
    ['https://console.example.com/', 'https://console.example.com'],
    ['https://console.example.com/app', 'https://console.example.com'],
    ['https://Console.Example.com', 'https://console.example.com'],
    ['https://console.example.com:443', 'https://console.example.com'],
  ])('refuses %s, which no browser sends as Origin, and says what to write', (origin, written) => {
    expect(problemsWith({ WARDEN_CORS_ORIGINS: origin })).toEqual([
      `WARDEN_CORS_ORIGINS must list origins exactly as browsers send them, scheme://host[:port] with no path: write "${written}" (got "${origin}").`,
    ]);
  });

  it('refuses an origin with a user name or password, without echoing it', () => {
    const problems = problemsWith({ WARDEN_CORS_ORIGINS: 'https://admin:hunter2@console.example.com' });
    expect(problems).toEqual(['WARDEN_CORS_ORIGINS must list origins without a user name or password: write "https://console.example.com".']);
    expect(problems.join()).not.toContain('hunter2');
  });
});

describe('WARDEN_METRICS and WARDEN_METRICS_TOKEN', () => {
  const TOKEN = 'a-metrics-scrape-token-0123456789abcdef';

  it('serves /metrics without a token outside production, and not in production unless a token protects it', () => {
    expect(loadConfig({}).metrics).toEqual({ enabled: true, token: undefined });
    expect(loadConfig(PRODUCTION).metrics).toEqual({ enabled: false, token: undefined });
    expect(loadConfig({ ...PRODUCTION, WARDEN_METRICS_TOKEN: TOKEN }).metrics).toEqual({ enabled: true, token: TOKEN });
    expect(loadConfig({ ...PRODUCTION, WARDEN_METRICS: 'on' }).metrics).toEqual({ enabled: true, token: undefined });
    expect(loadConfig({ WARDEN_METRICS: 'OFF' }).metrics.enabled).toBe(false);
  });

  it('refuses anything but on or off', () => {
    expect(problemsWith({ WARDEN_METRICS: 'yes please' })).toEqual(['WARDEN_METRICS must be on or off (got "yes please").']);
  });

  it('refuses a short token, or one a header cannot carry, without echoing it', () => {
    const expected = ['WARDEN_METRICS_TOKEN must be at least 32 characters of letters, digits and - . _ ~ + / (e.g. the output of `openssl rand -hex 32`).'];
    expect(problemsWith({ WARDEN_METRICS_TOKEN: 'short-secret' })).toEqual(expected);
    expect(problemsWith({ WARDEN_METRICS_TOKEN: 'a metrics token with spaces in it, 0123456789' })).toEqual(expected);
    expect(problemsWith({ WARDEN_METRICS_TOKEN: TOKEN })).toEqual([]);
  });

  it('refuses the JWT secret as the scrape token', () => {
    expect(problemsWith({ ...PRODUCTION, WARDEN_METRICS_TOKEN: SECRET })).toEqual([
      'WARDEN_METRICS_TOKEN must differ from WARDEN_JWT_SECRET: whoever can scrape the metrics must not be able to sign tokens.',
    ]);
  });

  it('is reported with every other problem at once', () => {
    expect(problemsWith({ WARDEN_METRICS: 'maybe', WARDEN_METRICS_TOKEN: 'short', PORT: 'x' })).toHaveLength(3);
  });

  it('warns at start when production serves /metrics to anyone, or a token is set for metrics that are off', () => {
    expect(metricsEndpointWarning(loadConfig({ ...PRODUCTION, WARDEN_METRICS: 'on' }))).toMatch(/^WARDEN_METRICS=on without WARDEN_METRICS_TOKEN: \/metrics answers anyone who can reach the port\./);
    expect(metricsEndpointWarning(loadConfig({ WARDEN_METRICS: 'off', WARDEN_METRICS_TOKEN: TOKEN }))).toMatch(/^WARDEN_METRICS=off, so WARDEN_METRICS_TOKEN is unused/);
    // Control: protected, off, or outside production, nothing to warn about.
    expect(metricsEndpointWarning(loadConfig({ ...PRODUCTION, WARDEN_METRICS_TOKEN: TOKEN }))).toBeNull();
    expect(metricsEndpointWarning(loadConfig(PRODUCTION))).toBeNull();
    expect(metricsEndpointWarning(loadConfig({}))).toBeNull();
  });
});

describe('traces, from the standard OTEL_* variables', () => {
  it('exports none unless an endpoint or an exporter is named', () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(loadConfig(PRODUCTION).tracing).toBeNull();
    expect(loadConfig({ OTEL_SERVICE_NAME: 'warden-eu', OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=abc' }).tracing).toBeNull();
  });

  it('sends OTLP over HTTP to the endpoint named, the base one with /v1/traces added, the traces one as it is', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      exporter: 'otlp',
      endpoint: 'http://collector:4318/v1/traces',
      timeoutMs: 10_000,
      serviceName: undefined,
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp' }).tracing?.endpoint).toBe('https://traces.example/otlp');
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).tracing?.endpoint).toBe('http://localhost:4318/v1/traces');
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'console', OTEL_SERVICE_NAME: 'warden-eu' }).tracing).toMatchObject({ exporter: 'console', serviceName: 'warden-eu' });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TIMEOUT: '2500' }).tracing?.timeoutMs).toBe(2500);
  });

  it('exports none when told so, whatever else is set', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }).tracing).toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).tracing).toBeNull();
  });

  it('stops the start on what it cannot do, saying what to set, without echoing an endpoint', () => {
    expect(problemsWith({ OTEL_TRACES_EXPORTER: 'zipkin' })).toEqual([
      'OTEL_TRACES_EXPORTER lists "zipkin", which Warden does not ship: use otlp (an OpenTelemetry Collector or any OTLP/HTTP receiver), console, or none.',
    ]);
    expect(problemsWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toEqual([
      'OTEL_EXPORTER_OTLP_PROTOCOL (or OTEL_EXPORTER_OTLP_TRACES_PROTOCOL) is "grpc", but Warden exports traces as http/protobuf only: set it to http/protobuf (or unset it) and point the endpoint at the receiver\'s OTLP/HTTP port (4318 on a Collector).',
    ]);
    const badEndpoint = problemsWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318?token=s3cr3t' });
    expect(badEndpoint).toEqual(['OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http(s) URL of an OTLP/HTTP receiver, e.g. http://otel-collector:4318.']);
    expect(problemsWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TIMEOUT: '10s' })).toEqual([
      'OTEL_EXPORTER_OTLP_TIMEOUT must be a whole number of milliseconds from 1 to 600000 (got "10s").',
    ]);
    expect(problemsWith({ OTEL_SDK_DISABLED: 'yes please' })).toEqual(['OTEL_SDK_DISABLED must be true or false (got "yes please").']);
  });
});

import { describe, expect, it } from 'vitest';
import { generateCheckpointKeyPair } from '../../src/audit/checkpoint-signature.js';
import { auditSinksFromConfig } from '../../src/audit/stream/index.js';
import { auditStreamWarnings } from '../../src/config/audit-stream-config.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';

const SECRET = 'a-jwt-secret-of-our-own-0123456789abcdef';
const CHECKPOINT_KEY = 'an-audit-checkpoint-key-0123456789abcdef';
const PRODUCTION = { NODE_ENV: 'production', WARDEN_JWT_SECRET: SECRET, WARDEN_AUDIT_CHECKPOINT_KEY: CHECKPOINT_KEY, DATABASE_URL: 'postgres://warden@db/warden' };
const TOKEN = 'splunk-hec-token-0f1e2d3c4b5a';

function problemsWith(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message.split('\n- ').slice(1);
  }
  return [];
}

describe('WARDEN_AUDIT_STREAM_*', () => {
  it('streams nowhere when unset', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).audit.stream).toEqual({ http: null, segments: null, start: 'first', pollMs: 1000 });
  });

  it('reads an HTTPS destination with its preset, token and the preset’s limits', () => {
    const config = loadConfig({ ...PRODUCTION, WARDEN_AUDIT_STREAM_URL: 'https://http-intake.logs.datadoghq.eu/api/v2/logs', WARDEN_AUDIT_STREAM_PRESET: 'datadog', WARDEN_AUDIT_STREAM_TOKEN: TOKEN });
    expect(config.audit.stream.http).toEqual({
      url: 'https://http-intake.logs.datadoghq.eu/api/v2/logs',
      preset: 'datadog',
      token: TOKEN,
      headers: {},
      destination: 'https',
      batchEvents: 1000,
      batchBytes: 5_000_000,
      timeoutMs: 10_000,
    });
  });

  it('reads a segment directory, made absolute', () => {
    const config = loadConfig({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_DIR: 'archive/segments', WARDEN_AUDIT_STREAM_SEGMENT_ROWS: '500', WARDEN_AUDIT_STREAM_SEGMENT_SECONDS: '30' });
    expect(config.audit.stream.segments).toEqual({ directory: expect.stringMatching(/^\/.*\/archive\/segments$/), segmentRows: 500, segmentMaxAgeMs: 30_000, key: undefined });
  });

  it('refuses a malformed URL without echoing it', () => {
    const problems = problemsWith({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_URL: 'splunk.example.com:8088/services/collector?token=s3cret-in-url' });
    expect(problems).toEqual(['WARDEN_AUDIT_STREAM_URL must be an absolute https:// URL of the receiver, e.g. https://splunk.example.com:8088/services/collector/event.']);
  });

  it('refuses a URL carrying a password, and plain http in production except to this host', () => {
    expect(problemsWith({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_URL: 'https://user:pw@siem.example.com/in' })).toEqual([
      'WARDEN_AUDIT_STREAM_URL must not carry a user name or password: put the credential in WARDEN_AUDIT_STREAM_TOKEN (or WARDEN_AUDIT_STREAM_HEADERS).',
    ]);
    expect(problemsWith({ ...PRODUCTION, WARDEN_AUDIT_STREAM_URL: 'http://siem.example.com/in', WARDEN_AUDIT_STREAM_TOKEN: TOKEN })).toEqual([
      'WARDEN_AUDIT_STREAM_URL must be https:// in production (plain http is accepted only to a receiver on this host, such as a local forwarder on 127.0.0.1).',
    ]);
    // Control: a local forwarder.
    expect(problemsWith({ ...PRODUCTION, WARDEN_AUDIT_STREAM_URL: 'http://127.0.0.1:9880/in', WARDEN_AUDIT_STREAM_TOKEN: TOKEN })).toEqual([]);
  });

  it('refuses an unknown preset, naming those there are', () => {
    expect(problemsWith({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_URL: 'https://siem.example.com/in', WARDEN_AUDIT_STREAM_PRESET: 'elastic' })).toEqual([
      'WARDEN_AUDIT_STREAM_PRESET must be one of jsonl, splunk-hec, datadog (got "elastic").',
    ]);
  });

  it('refuses settings of a destination that is not configured', () => {
    expect(problemsWith({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_TOKEN: TOKEN, WARDEN_AUDIT_STREAM_SEGMENT_ROWS: '10' })).toEqual([
      'WARDEN_AUDIT_STREAM_TOKEN, WARDEN_AUDIT_STREAM_SEGMENT_ROWS are set but neither WARDEN_AUDIT_STREAM_URL nor WARDEN_AUDIT_STREAM_DIR is: set the destination they belong to (docs/audit-streaming.md), or unset them.',
    ]);
  });

  it('refuses headers that are not a JSON object of strings, or that fight the token, without echoing them', () => {
    const base = { NODE_ENV: 'test', WARDEN_AUDIT_STREAM_URL: 'https://siem.example.com/in' };
    expect(problemsWith({ ...base, WARDEN_AUDIT_STREAM_HEADERS: 'x-api-key: s3cret' })).toEqual([
      'WARDEN_AUDIT_STREAM_HEADERS must be a JSON object of header names to string values, e.g. {"x-api-key":"…"}.',
    ]);
    expect(problemsWith({ ...base, WARDEN_AUDIT_STREAM_PRESET: 'splunk-hec', WARDEN_AUDIT_STREAM_TOKEN: TOKEN, WARDEN_AUDIT_STREAM_HEADERS: '{"Authorization":"Splunk other"}' })).toEqual([
      'WARDEN_AUDIT_STREAM_HEADERS sets authorization, which WARDEN_AUDIT_STREAM_TOKEN fills for the splunk-hec preset: keep one of the two.',
    ]);
  });

  it('keeps batches within the preset’s documented limits', () => {
    expect(problemsWith({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_URL: 'https://http-intake.logs.datadoghq.com/api/v2/logs', WARDEN_AUDIT_STREAM_PRESET: 'datadog', WARDEN_AUDIT_STREAM_BATCH_EVENTS: '5000' })).toEqual([
      'WARDEN_AUDIT_STREAM_BATCH_EVENTS must be a whole number from 1 to 1000 (got "5000").',
    ]);
  });

  it('refuses an unknown start and a short segment key', () => {
    expect(problemsWith({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_DIR: '/tmp/x', WARDEN_AUDIT_STREAM_START: 'now', WARDEN_AUDIT_STREAM_SEGMENT_KEY: 'short' })).toEqual([
      'WARDEN_AUDIT_STREAM_START must be first (the whole chain) or next (rows after the head at the first start) (got "now").',
      'WARDEN_AUDIT_STREAM_SEGMENT_KEY must be an Ed25519 private key (npm run audit:keygen) or a secret of at least 32 characters.',
    ]);
  });

  it('warns when a preset points at a URL unlike its receiver’s, and never names the token', () => {
    const config = loadConfig({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_URL: 'https://splunk.example.com:8088/ingest', WARDEN_AUDIT_STREAM_PRESET: 'splunk-hec', WARDEN_AUDIT_STREAM_TOKEN: TOKEN });
    const warnings = auditStreamWarnings(config.audit.stream);
    expect(warnings).toEqual([
      "WARDEN_AUDIT_STREAM_PRESET=splunk-hec, but the URL's path is not Splunk's HTTP Event Collector (/services/collector/event): check WARDEN_AUDIT_STREAM_URL (host splunk.example.com:8088).",
    ]);
    // Control: the collector's own path.
    expect(auditStreamWarnings(loadConfig({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_URL: 'https://splunk.example.com:8088/services/collector/event', WARDEN_AUDIT_STREAM_PRESET: 'splunk-hec', WARDEN_AUDIT_STREAM_TOKEN: TOKEN }).audit.stream)).toEqual([]);
  });
});

describe('the segment key', () => {
  it('is refused at start, by its own name, when it is a public key that cannot sign', () => {
    const { publicKey, privateKey } = generateCheckpointKeyPair();
    const config = loadConfig({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_DIR: '/tmp/warden-segments', WARDEN_AUDIT_STREAM_SEGMENT_KEY: publicKey });
    expect(() => auditSinksFromConfig(config.audit.stream, config.audit.checkpointKey)).toThrow(
      'WARDEN_AUDIT_STREAM_SEGMENT_KEY cannot sign segment seals: it holds a public key: the gateway signs with the private key (give verifiers the public one).',
    );
    // Control: its private half signs.
    const signing = loadConfig({ NODE_ENV: 'test', WARDEN_AUDIT_STREAM_DIR: '/tmp/warden-segments', WARDEN_AUDIT_STREAM_SEGMENT_KEY: privateKey });
    expect(auditSinksFromConfig(signing.audit.stream, signing.audit.checkpointKey).map((sink) => sink.destination)).toEqual(['segments']);
  });
});

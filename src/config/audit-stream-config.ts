import path from 'node:path';
import { HTTP_PRESETS, isStreamPreset, STREAM_PRESETS, type StreamPreset } from '../audit/stream/http-presets.js';

/** WARDEN_AUDIT_STREAM_*: where the audit trail is streamed (docs/audit-streaming.md). */
export interface AuditStreamConfig {
  /** WARDEN_AUDIT_STREAM_URL and what goes with it; null when unset. */
  http: {
    /** A credential may sit in its path or query: never logged. */
    url: string;
    preset: StreamPreset;
    /** WARDEN_AUDIT_STREAM_TOKEN: a credential, never logged. */
    token: string | undefined;
    /** WARDEN_AUDIT_STREAM_HEADERS: credentials too, never logged. */
    headers: Record<string, string>;
    /** WARDEN_AUDIT_STREAM_NAME: the destination's cursor. */
    destination: string;
    batchEvents: number;
    batchBytes: number;
    timeoutMs: number;
  } | null;
  /** WARDEN_AUDIT_STREAM_DIR and what goes with it; null when unset. */
  segments: {
    directory: string;
    segmentRows: number;
    segmentMaxAgeMs: number;
    /** WARDEN_AUDIT_STREAM_SEGMENT_KEY; unset, seals are signed with the checkpoint key. */
    key: string | undefined;
  } | null;
  /** WARDEN_AUDIT_STREAM_START: where a destination seen for the first time begins. */
  start: 'first' | 'next';
  pollMs: number;
}

type Int = (name: string, fallback: number, min: number, max: number) => number;

const HTTP_DEPENDENTS = ['WARDEN_AUDIT_STREAM_PRESET', 'WARDEN_AUDIT_STREAM_TOKEN', 'WARDEN_AUDIT_STREAM_HEADERS', 'WARDEN_AUDIT_STREAM_NAME', 'WARDEN_AUDIT_STREAM_BATCH_EVENTS', 'WARDEN_AUDIT_STREAM_BATCH_BYTES', 'WARDEN_AUDIT_STREAM_TIMEOUT_MS'];
const SEGMENT_DEPENDENTS = ['WARDEN_AUDIT_STREAM_SEGMENT_ROWS', 'WARDEN_AUDIT_STREAM_SEGMENT_SECONDS', 'WARDEN_AUDIT_STREAM_SEGMENT_KEY'];

/**
 * Reads WARDEN_AUDIT_STREAM_*; each problem is added to the start's list, naming the variable
 * and never echoing a URL, token or header (they are credentials). Refused at start rather than
 * found out at the first delivery; the audit write path never depends on any of it.
 */
export function auditStreamFrom(env: Record<string, string | undefined>, production: boolean, int: Int, problems: string[]): AuditStreamConfig {
  const set = (name: string) => Boolean(env[name]);
  const url = env['WARDEN_AUDIT_STREAM_URL'] || undefined;
  const directory = env['WARDEN_AUDIT_STREAM_DIR'] || undefined;
  const orphans = [...(url ? [] : HTTP_DEPENDENTS.filter(set)), ...(directory ? [] : SEGMENT_DEPENDENTS.filter(set))];
  if (orphans.length > 0) {
    problems.push(
      `${orphans.join(', ')} ${orphans.length === 1 ? 'is' : 'are'} set but ${url ? 'WARDEN_AUDIT_STREAM_DIR' : directory ? 'WARDEN_AUDIT_STREAM_URL' : 'neither WARDEN_AUDIT_STREAM_URL nor WARDEN_AUDIT_STREAM_DIR'} is: ` +
        'set the destination they belong to (docs/audit-streaming.md), or unset them.',
    );
  }
  const rawStart = env['WARDEN_AUDIT_STREAM_START'] || 'first';
  if (rawStart !== 'first' && rawStart !== 'next') problems.push(`WARDEN_AUDIT_STREAM_START must be first (the whole chain) or next (rows after the head at the first start) (got "${rawStart.slice(0, 40)}").`);
  return {
    http: url ? httpFrom(env, url, production, int, problems) : null,
    segments: directory
      ? {
          directory: path.resolve(directory),
          segmentRows: int('WARDEN_AUDIT_STREAM_SEGMENT_ROWS', 10_000, 1, 1_000_000),
          segmentMaxAgeMs: int('WARDEN_AUDIT_STREAM_SEGMENT_SECONDS', 60, 1, 86_400) * 1000,
          key: segmentKey(env, problems),
        }
      : null,
    start: rawStart === 'next' ? 'next' : 'first',
    pollMs: int('WARDEN_AUDIT_STREAM_POLL_MS', 1000, 50, 600_000),
  };
}

function httpFrom(env: Record<string, string | undefined>, url: string, production: boolean, int: Int, problems: string[]): NonNullable<AuditStreamConfig['http']> {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  // Not echoed back: the URL may hold a token (a webhook path, a query parameter).
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
    problems.push('WARDEN_AUDIT_STREAM_URL must be an absolute https:// URL of the receiver, e.g. https://splunk.example.com:8088/services/collector/event.');
  } else if (parsed.username || parsed.password) {
    problems.push('WARDEN_AUDIT_STREAM_URL must not carry a user name or password: put the credential in WARDEN_AUDIT_STREAM_TOKEN (or WARDEN_AUDIT_STREAM_HEADERS).');
  } else if (production && parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    problems.push('WARDEN_AUDIT_STREAM_URL must be https:// in production (plain http is accepted only to a receiver on this host, such as a local forwarder on 127.0.0.1).');
  }
  const rawPreset = env['WARDEN_AUDIT_STREAM_PRESET'] || 'jsonl';
  let preset: StreamPreset = 'jsonl';
  if (isStreamPreset(rawPreset)) preset = rawPreset;
  else problems.push(`WARDEN_AUDIT_STREAM_PRESET must be one of ${STREAM_PRESETS.join(', ')} (got "${rawPreset.slice(0, 40)}").`);
  const limits = HTTP_PRESETS[preset];
  let headers: Record<string, string> = {};
  const rawHeaders = env['WARDEN_AUDIT_STREAM_HEADERS'];
  if (rawHeaders) {
    let value: unknown;
    try {
      value = JSON.parse(rawHeaders);
    } catch {
      value = undefined;
    }
    const entries = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : null;
    const strings = entries?.every((entry): entry is [string, string] => typeof entry[1] === 'string') ? Object.fromEntries(entries) : null;
    // Not echoed back: these usually hold a key.
    if (!strings) problems.push('WARDEN_AUDIT_STREAM_HEADERS must be a JSON object of header names to string values, e.g. {"x-api-key":"…"}.');
    else headers = strings;
  }
  const token = env['WARDEN_AUDIT_STREAM_TOKEN'] || undefined;
  const tokenHeader = token ? limits.tokenHeader(token)[0] : null;
  if (tokenHeader && Object.keys(headers).some((name) => name.toLowerCase() === tokenHeader)) {
    problems.push(`WARDEN_AUDIT_STREAM_HEADERS sets ${tokenHeader}, which WARDEN_AUDIT_STREAM_TOKEN fills for the ${preset} preset: keep one of the two.`);
  }
  const destination = env['WARDEN_AUDIT_STREAM_NAME'] || 'https';
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(destination)) problems.push(`WARDEN_AUDIT_STREAM_NAME must be lower-case letters, digits, - and _ (got "${destination.slice(0, 70)}").`);
  if (destination === 'segments') problems.push('WARDEN_AUDIT_STREAM_NAME cannot be "segments": that is the segment directory\'s cursor.');
  return {
    url,
    preset,
    token,
    headers,
    destination,
    batchEvents: int('WARDEN_AUDIT_STREAM_BATCH_EVENTS', limits.defaultEvents, 1, limits.maxEvents),
    batchBytes: int('WARDEN_AUDIT_STREAM_BATCH_BYTES', limits.defaultBytes, 1_000, limits.maxBytes),
    timeoutMs: int('WARDEN_AUDIT_STREAM_TIMEOUT_MS', 10_000, 100, 300_000),
  };
}

function segmentKey(env: Record<string, string | undefined>, problems: string[]): string | undefined {
  const key = env['WARDEN_AUDIT_STREAM_SEGMENT_KEY'] || undefined;
  if (key && key.trim().length < 32) problems.push('WARDEN_AUDIT_STREAM_SEGMENT_KEY must be an Ed25519 private key (npm run audit:keygen) or a secret of at least 32 characters.');
  return key;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * What is likely wrong though allowed, logged at start: a preset pointed at a URL that does not
 * look like its receiver. Null when nothing is.
 */
export function auditStreamWarnings(stream: AuditStreamConfig): string[] {
  const warnings: string[] = [];
  const http = stream.http;
  if (!http || !URL.canParse(http.url)) return warnings;
  const { pathname, host } = new URL(http.url);
  if (http.preset === 'splunk-hec' && !pathname.startsWith('/services/collector')) {
    warnings.push(`WARDEN_AUDIT_STREAM_PRESET=splunk-hec, but the URL's path is not Splunk's HTTP Event Collector (/services/collector/event): check WARDEN_AUDIT_STREAM_URL (host ${host}).`);
  }
  if (http.preset === 'datadog' && pathname !== '/api/v2/logs') {
    warnings.push(`WARDEN_AUDIT_STREAM_PRESET=datadog, but the URL's path is not Datadog's logs intake (/api/v2/logs): check WARDEN_AUDIT_STREAM_URL (host ${host}).`);
  }
  if (http.preset === 'datadog' && stream.start === 'first') {
    warnings.push('WARDEN_AUDIT_STREAM_PRESET=datadog streams the whole chain to a new destination, but Datadog drops logs more than 18 hours old: keep a segment directory (WARDEN_AUDIT_STREAM_DIR) for the history, or set WARDEN_AUDIT_STREAM_START=next.');
  }
  if (!http.token && !Object.keys(http.headers).length) warnings.push(`WARDEN_AUDIT_STREAM_URL is set without WARDEN_AUDIT_STREAM_TOKEN or WARDEN_AUDIT_STREAM_HEADERS: the receiver (host ${host}) gets no credential.`);
  return warnings;
}

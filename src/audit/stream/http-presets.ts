import type { OcsfApiActivity } from './ocsf-event.js';

export const STREAM_PRESETS = ['jsonl', 'splunk-hec', 'datadog'] as const;
export type StreamPreset = (typeof STREAM_PRESETS)[number];

/** How a receiver wants events: the body, its media type, the token's header, and its limits. */
export interface HttpPreset {
  contentType: string;
  /** The header the token goes in, and how. */
  tokenHeader(token: string): [name: string, value: string];
  /** One event as it is written in the body. */
  entry(event: OcsfApiActivity): string;
  /** The body for entries already written. */
  body(entries: readonly string[]): string;
  /** Bytes the body adds around and between entries. */
  overhead(entries: number): number;
  /** The receiver's limits: events and bytes per request. */
  maxEvents: number;
  maxBytes: number;
  /** Within the limits, what is sent unless configured otherwise. */
  defaultEvents: number;
  defaultBytes: number;
}

const MB = 1_000_000;

/**
 * - `jsonl`: one OCSF event per line (`application/x-ndjson`), `Authorization: Bearer <token>`.
 * - `splunk-hec`: Splunk's HTTP Event Collector, `/services/collector/event`: events batched as
 *   consecutive `{"time","source","sourcetype","event"}` objects, `Authorization: Splunk <token>`.
 *   Splunk Cloud asks for requests under 1 MB.
 * - `datadog`: Datadog's logs intake, `/api/v2/logs`: a JSON array of at most 1,000 logs and
 *   5 MB, `DD-API-KEY: <key>`. Each log holds the OCSF event under `ocsf`, beside Datadog's own
 *   attributes (`ddsource`, `service`, `timestamp`, `message`, `status`): at the top level the
 *   event's `status` ("Success") would be read as the log's level. Datadog drops logs more than
 *   18 hours old (docs/audit-streaming.md).
 */
export const HTTP_PRESETS: Record<StreamPreset, HttpPreset> = {
  jsonl: {
    contentType: 'application/x-ndjson',
    tokenHeader: (token) => ['authorization', `Bearer ${token}`],
    entry: (event) => JSON.stringify(event),
    body: (entries) => `${entries.join('\n')}\n`,
    overhead: (entries) => entries,
    maxEvents: 10_000,
    maxBytes: 100 * MB,
    defaultEvents: 500,
    defaultBytes: MB,
  },
  'splunk-hec': {
    contentType: 'application/json',
    tokenHeader: (token) => ['authorization', `Splunk ${token}`],
    entry: (event) => JSON.stringify({ time: event.time / 1000, source: 'warden', sourcetype: 'ocsf:api_activity', event }),
    body: (entries) => `${entries.join('\n')}\n`,
    overhead: (entries) => entries,
    maxEvents: 10_000,
    maxBytes: 100 * MB,
    defaultEvents: 500,
    defaultBytes: MB,
  },
  datadog: {
    contentType: 'application/json',
    tokenHeader: (token) => ['dd-api-key', token],
    entry: (event) =>
      JSON.stringify({
        ddsource: 'warden',
        service: 'warden',
        ddtags: `ocsf_class_uid:${event.class_uid},event_code:${event.metadata.event_code}`,
        timestamp: event.time,
        message: event.message,
        status: event.status_id === 2 ? 'warn' : 'info',
        ocsf: event,
      }),
    body: (entries) => `[${entries.join(',')}]`,
    overhead: (entries) => 2 + Math.max(0, entries - 1),
    maxEvents: 1_000,
    maxBytes: 5 * MB,
    defaultEvents: 1_000,
    defaultBytes: 5 * MB,
  },
};

export function isStreamPreset(name: string): name is StreamPreset {
  return (STREAM_PRESETS as readonly string[]).includes(name);
}

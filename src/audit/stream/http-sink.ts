import type { AuditSink, DeliveryReport, StreamEvent } from './audit-sink.js';
import { HTTP_PRESETS, type StreamPreset } from './http-presets.js';
import { withheldEvent } from './ocsf-event.js';

export interface HttpSinkOptions {
  /** The cursor's name. @default https */
  destination?: string;
  /** Where events are POSTed. May carry a secret in its path or query: never logged. */
  url: string;
  /** @default jsonl */
  preset?: StreamPreset;
  /** Sent in the preset's header (`Authorization: Bearer`, `Authorization: Splunk`, `DD-API-KEY`). A credential: never logged. */
  token?: string | undefined;
  /** More headers for every request. Credentials too: never logged. */
  headers?: Record<string, string>;
  /** Events per request at most. @default the preset's */
  batchEvents?: number;
  /** Bytes per request body at most; an event larger than that goes alone. @default the preset's */
  batchBytes?: number;
  /** @default 10000 */
  timeoutMs?: number;
  /** Tests pass their own. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Tests pass their own. @default Date.now */
  now?: () => number;
}

/** A caller that wants no report. */
const SILENT: DeliveryReport = { notice: () => undefined, withheld: () => undefined };

/** A receiver's answer to a body larger than it takes. */
const PAYLOAD_TOO_LARGE = 413;

/**
 * How long a body refused as too large keeps requests smaller (and a lone event that large
 * withheld at once): after that, full size again, so a receiver whose limit was raised gets
 * whole events without a restart, at the cost of one refused request a period if it was not.
 */
const REFUSAL_MEMORY_MS = 10 * 60_000;

/** A receiver answered with a status other than 2xx. */
class ReceiverRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The refused request's body, in bytes. */
    readonly bodyBytes: number,
  ) {
    super(message);
  }
}

/**
 * POSTs events in the preset's shape, in requests within its limits, one after the other; a
 * 2xx answer acknowledges the request's events. Redirects are refused (a followed POST may
 * become a GET that "succeeds" elsewhere). Errors never carry the URL, the token or headers.
 */
export function httpSink(options: HttpSinkOptions): AuditSink {
  const preset = HTTP_PRESETS[options.preset ?? 'jsonl'];
  const maxEvents = options.batchEvents ?? preset.defaultEvents;
  const maxBytes = options.batchBytes ?? preset.defaultBytes;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { 'content-type': preset.contentType, ...options.headers };
  if (options.token) {
    const [name, value] = preset.tokenHeader(options.token);
    headers[name] = value;
  }
  const secrets = [options.url, options.token, ...Object.values(options.headers ?? {})].filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const scrub = (text: string) => secrets.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);
  const host = URL.canParse(options.url) ? new URL(options.url).host : 'an unparsable URL';

  async function post(part: readonly StreamEvent[], entries: readonly string[]): Promise<void> {
    const first = part[0]?.event.metadata.uid ?? '';
    const last = part.at(-1)?.event.metadata.uid ?? '';
    const body = preset.body(entries);
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        // The batch's range: a receiver that keeps it can drop a repeated request whole.
        headers: { ...headers, 'idempotency-key': `${first}..${last}` },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new Error(scrub(`POST to ${host} failed: ${describeFailure(error, timeoutMs)}`));
    }
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    // The receiver's answer is not kept: it can quote the URL's path (a collector's key) or echo the events back.
    await response.body?.cancel();
    throw new ReceiverRefused(scrub(`${host} answered HTTP ${response.status}`), response.status, Buffer.byteLength(body));
  }

  const now = options.now ?? Date.now;
  /**
   * The smallest body the receiver refused as too large lately, in bytes: requests are built
   * below it until `until`, whatever the configured limit (REFUSAL_MEMORY_MS).
   */
  let refused: { bytes: number; until: number } | null = null;
  const refusedBytes = (): number | null => {
    if (refused && now() >= refused.until) refused = null;
    return refused?.bytes ?? null;
  };
  /** Until when the operator has been told that batches are too large for the receiver. */
  let toldUntil = 0;

  /**
   * The part, then its acknowledgement. Refused as too large (413): a part of several events is
   * sent again in two halves; a lone event goes without its details (and any long text), saying
   * so (`withheldEvent`), so the stream goes on past it instead of retrying it forever.
   */
  async function sendPart(part: readonly StreamEvent[], entries: readonly string[], acknowledge: (upTo: StreamEvent) => Promise<void>, report: DeliveryReport): Promise<void> {
    const [only] = part;
    const aloneBytes = only && part.length === 1 ? Buffer.byteLength(entries[0] ?? '') : null;
    const known = refusedBytes();
    try {
      // An event as large as a body refused lately goes without its details at once.
      if (only && aloneBytes !== null && known !== null && aloneBytes + preset.overhead(1) >= known) await sendWithheld(only, aloneBytes, report);
      else await post(part, entries);
    } catch (error) {
      if (!(error instanceof ReceiverRefused) || error.status !== PAYLOAD_TOO_LARGE) throw error;
      if (known === null || error.bodyBytes < known) refused = { bytes: error.bodyBytes, until: now() + REFUSAL_MEMORY_MS };
      // Said of a batch only (a lone large event is no sign the batches are set too large), and
      // once a period, not at each halving.
      if (aloneBytes === null && now() >= toldUntil) {
        toldUntil = now() + REFUSAL_MEMORY_MS;
        report.notice(`audit stream receiver refused a request as too large (HTTP 413): requests are kept smaller for a while; set WARDEN_AUDIT_STREAM_BATCH_BYTES (httpSink's batchBytes) below the receiver's limit`, {
          refusedBytes: error.bodyBytes,
        });
      }
      if (!only || aloneBytes === null) {
        const half = Math.ceil(part.length / 2);
        await sendPart(part.slice(0, half), entries.slice(0, half), acknowledge, report);
        await sendPart(part.slice(half), entries.slice(half), acknowledge, report);
        return;
      }
      await sendWithheld(only, aloneBytes, report);
    }
    const last = part.at(-1);
    if (last) await acknowledge(last);
  }

  /** A lone event the receiver takes only without its long columns. */
  async function sendWithheld(event: StreamEvent, entryBytes: number, report: DeliveryReport): Promise<void> {
    const withheld = withheldEvent(event.event, `larger than ${host} takes in one request (HTTP 413)`);
    const refusedAgain = (bytes: number) =>
      new Error(`${host} refused audit event ${event.event.metadata.uid} as too large (HTTP 413) even with its details left out (${bytes} bytes): raise the receiver's request size limit; the stream waits on this event`);
    // The operator is told to raise the receiver's limit: the next try sends the event whole first.
    if (!withheld) {
      refused = null;
      throw refusedAgain(entryBytes);
    }
    const entry = preset.entry(withheld);
    try {
      await post([{ ...event, event: withheld }], [entry]);
    } catch (error) {
      if (!(error instanceof ReceiverRefused) || error.status !== PAYLOAD_TOO_LARGE) throw error;
      refused = null;
      throw refusedAgain(error.bodyBytes);
    }
    report.withheld(event);
    report.notice('audit event sent without its details: the receiver refused it whole as too large (HTTP 413); the whole row is in the audit table', {
      event: event.event.metadata.uid,
      entryBytes,
      withheld: withheld.unmapped.warden.withheld?.bytes,
    });
  }

  return {
    destination: options.destination ?? 'https',
    description: `${options.preset ?? 'jsonl'} to ${host}`,
    batchEvents: maxEvents,
    async deliver(events, acknowledge, report = SILENT) {
      let part: StreamEvent[] = [];
      let entries: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (part.length === 0) return;
        const sent = part;
        const sentEntries = entries;
        part = [];
        entries = [];
        bytes = 0;
        await sendPart(sent, sentEntries, acknowledge, report);
      };
      for (const event of events) {
        const entry = preset.entry(event.event);
        const size = Buffer.byteLength(entry);
        const known = refusedBytes();
        const limit = known === null ? maxBytes : Math.min(maxBytes, known - 1);
        if (part.length >= maxEvents || (part.length > 0 && bytes + size + preset.overhead(part.length + 1) > limit)) await flush();
        part.push(event);
        entries.push(entry);
        bytes += size;
      }
      await flush();
    },
  };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (!(error instanceof Error)) return String(error);
  // fetch says "fetch failed" and puts the reason (ECONNREFUSED, a TLS error…) in `cause`.
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

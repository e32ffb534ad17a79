import type { AuditSink, StreamEvent } from './audit-sink.js';
import { HTTP_PRESETS, type StreamPreset } from './http-presets.js';

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
}

/** How much of a refusing receiver's answer goes into the error. */
const MAX_DETAIL_CHARS = 200;

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
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        // The batch's range: a receiver that keeps it can drop a repeated request whole.
        headers: { ...headers, 'idempotency-key': `${first}..${last}` },
        body: preset.body(entries),
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
    const detail = (await response.text().catch(() => '')).trim().slice(0, MAX_DETAIL_CHARS);
    throw new Error(scrub(`${host} answered HTTP ${response.status}${detail ? `: ${detail}` : ''}`));
  }

  return {
    destination: options.destination ?? 'https',
    description: `${options.preset ?? 'jsonl'} to ${host}`,
    batchEvents: maxEvents,
    async deliver(events, acknowledge) {
      let part: StreamEvent[] = [];
      let entries: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (part.length === 0) return;
        await post(part, entries);
        const last = part.at(-1);
        part = [];
        entries = [];
        bytes = 0;
        if (last) await acknowledge(last);
      };
      for (const event of events) {
        const entry = preset.entry(event.event);
        const size = Buffer.byteLength(entry);
        if (part.length >= maxEvents || (part.length > 0 && bytes + size + preset.overhead(part.length + 1) > maxBytes)) await flush();
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

import type { SlackMessage } from './slack-message.js';

export type WebhookOutcome = { delivered: true } | { delivered: false; error: string; retryAfterMs?: number };

/**
 * POSTs one message. Any 2xx is delivery; anything else — a status, a refused connection, no
 * answer within `timeoutMs` — is a failure described in words that never contain the URL (a
 * Slack webhook URL is itself the credential). Redirects are refused rather than followed: a
 * followed POST may turn into a GET that "succeeds" somewhere else.
 */
export async function postToWebhook(
  message: { idempotencyKey: string; payload: SlackMessage },
  options: { webhookUrl: string; timeoutMs: number; fetch: typeof fetch },
): Promise<WebhookOutcome> {
  try {
    const response = await options.fetch(options.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': message.idempotencyKey },
      body: JSON.stringify(message.payload),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.ok) {
      await response.body?.cancel();
      return { delivered: true };
    }
    // The receiver's answer is not kept: it can quote the URL's path (for a chat webhook, the
    // credential itself) or echo the notification back. Its status says what to do.
    await response.body?.cancel();
    const retryAfterMs = retryAfter(response.headers.get('retry-after'));
    return {
      delivered: false,
      error: `HTTP ${response.status}`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  } catch (error) {
    return { delivered: false, error: scrub(describeFailure(error, options.timeoutMs), options.webhookUrl) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (!(error instanceof Error)) return String(error);
  // fetch reports "fetch failed" and puts the reason (ECONNREFUSED, a TLS error…) in `cause`.
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

function scrub(text: string, webhookUrl: string): string {
  return text.replaceAll(webhookUrl, '[webhook URL]');
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

import { describe, expect, it } from 'vitest';
import { postToWebhook } from '../../src/notify/post-to-webhook.js';

/**
 * A chat webhook's URL is its credential, and a receiver's error page may quote it (Express's
 * "Cannot POST /services/…") or echo the notification back: none of the answer is kept.
 */
describe('a refusing receiver', () => {
  it("keeps its status, never its answer: the URL's path and the message it echoes stay out of last_error", async () => {
    const url = 'https://hooks.example.test/services/T0001/B0002/xoxSECRETwebhookTOKEN';
    const answer = (status: number, body: string): typeof fetch => async () => new Response(body, { status });
    const message = { idempotencyKey: 'k-1', payload: { text: 'Sarah Lee asks for approval as Jane Doe' } };
    const notFound = await postToWebhook(message, { webhookUrl: url, timeoutMs: 1_000, fetch: answer(404, '<pre>Cannot POST /services/T0001/B0002/xoxSECRETwebhookTOKEN</pre>') });
    expect(notFound).toEqual({ delivered: false, error: 'HTTP 404' });
    const echoed = await postToWebhook(message, { webhookUrl: url, timeoutMs: 1_000, fetch: answer(400, `invalid payload: ${JSON.stringify(message.payload)}`) });
    expect(echoed).toEqual({ delivered: false, error: 'HTTP 400' });
  });
});

import { describe, expect, it } from 'vitest';
import { notificationKey, renderNotification, type Notification, type SlackMessage } from '../../src/notify/index.js';
import { SAMPLES } from './samples.js';

/** What Slack's incoming webhooks accept: a non-empty `text`, and blocks within their limits. */
function expectValidSlackMessage(message: SlackMessage): void {
  expect(Object.keys(message).sort()).toEqual(['blocks', 'text']);
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text).not.toContain('\n');
  expect(message.blocks?.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks ?? []) {
    const texts = block.type === 'section' ? [block.text] : block.elements;
    for (const text of texts) {
      expect(text.type).toBe('mrkdwn');
      expect(text.text.length).toBeGreaterThan(0);
      expect(text.text.length).toBeLessThanOrEqual(3000);
    }
  }
  // It survives the trip through jsonb and HTTP unchanged.
  expect(JSON.parse(JSON.stringify(message))).toEqual(message);
}

describe('each notification reads as one plain sentence, in valid Slack JSON', () => {
  it.each([
    [
      'session_started',
      'Sarah Lee started a read-only session as Jane Doe (Acme Co) for ticket SUP-1234: “Customer cannot download invoice ACME-2026-001”. It ends at 2026-11-22 14:30 UTC.',
    ],
    [
      'approval_requested',
      "Sarah Lee asks for approval to open a read-write session of 30 minutes (approval needed: the user is the account's owner) in Acme Co, acting as Jane Doe, ticket SUP-1234. Reason: “Fix the billing address the customer reported in SUP-1234”.",
    ],
    ['session_ended', "Sarah Lee's session as Jane Doe (Acme Co) timed out for inactivity after 17 minutes."],
    ['repeated_denials', 'Sarah Lee was refused access 7 times in 15 minutes. Check whether this is expected.'],
  ] as const)('%s', (kind, line) => {
    const message = renderNotification(SAMPLES[kind]);
    expect(message.text).toBe(line);
    expectValidSlackMessage(message);
    expect(message.blocks?.[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: expect.stringContaining(`\n${line}`) } });
  });

  it('names the ids in the context line, for whoever follows up', () => {
    const [, context] = renderNotification(SAMPLES.session_started).blocks ?? [];
    expect(context).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Session ses_0001 · agent stf_sarah · user usr_jane · account acc_acme' }],
    });
  });
});

describe('a notification carries no value it should not', () => {
  it('renders only the facts its kind declares, whatever else the object holds', () => {
    // A caller that passes a richer object (a session row, a user) must not leak its extras.
    const extras = { customerEmail: 'jane.doe@acme.example', sessionToken: 'imp_tok_9f8e7d6c5b4a', cardNumber: '4242424242424242' };
    for (const sample of Object.values(SAMPLES)) {
      const leaky: Notification = { ...sample, ...extras };
      const json = JSON.stringify(renderNotification(leaky));
      for (const value of Object.values(extras)) expect(json).not.toContain(value);
    }
  });

  it('names an assistant denied again and again, and whom it works for', () => {
    const message = renderNotification({ ...SAMPLES.repeated_denials, agent: { id: 'ast_triage', name: 'Triage-Bot' }, assistantFor: { id: 'stf_sarah', name: 'Sarah Lee' } });
    expect(message.text).toBe('Assistant Triage-Bot, for Sarah Lee, was refused access 7 times in 15 minutes. Check whether this is expected.');
    expect(message.blocks?.[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Assistant ast_triage · for stf_sarah · detected at 2026-11-22 14:05 UTC' }] });
    const own = renderNotification({ ...SAMPLES.repeated_denials, agent: { id: 'ast_triage', name: 'Triage-Bot' }, assistantFor: null });
    expect(own.text).toBe('Assistant Triage-Bot was refused access 7 times in 15 minutes. Check whether this is expected.');
  });

  it('cannot mention the channel or hide a link: Slack control characters are escaped', () => {
    const message = renderNotification({
      ...SAMPLES.session_started,
      agent: { id: 'stf_eve', name: 'Eve <@U123>' },
      reason: '<!channel> urgent & <https://evil.example|open the invoice>',
    });
    const json = JSON.stringify(message);
    expect(json).not.toMatch(/<[!@h]/);
    expect(message.text).toContain('Eve &lt;@U123&gt; started');
    expect(message.text).toContain('“&lt;!channel&gt; urgent &amp; &lt;https://evil.example|open the invoice&gt;”');
  });

  it('keeps a long or multi-line reason to one short line', () => {
    const message = renderNotification({ ...SAMPLES.approval_requested, reason: `first line\nsecond ${'x'.repeat(1000)}` });
    expect(message.text).toContain('“first line second xxx');
    expect(message.text.length).toBeLessThan(500);
    expectValidSlackMessage(message);
  });
});

describe('the idempotency key names the event', () => {
  it('is the kind and the ids', () => {
    expect(Object.values(SAMPLES).map(notificationKey)).toEqual([
      'session_started:ses_0001',
      'approval_requested:apr_0001',
      'session_ended:ses_0001',
      expect.stringMatching(/^repeated_denials:stf_sarah:\d+$/),
    ]);
  });

  it('gives repeated denials one alert per agent per window', () => {
    const at = (iso: string) => notificationKey({ ...SAMPLES.repeated_denials, detectedAt: new Date(iso) });
    expect(at('2026-11-22T14:05:00Z')).toBe(at('2026-11-22T14:14:59Z'));
    expect(at('2026-11-22T14:05:00Z')).not.toBe(at('2026-11-22T14:15:00Z'));
    const other = notificationKey({ ...SAMPLES.repeated_denials, agent: { id: 'stf_omar', name: 'Omar' } });
    expect(other).not.toBe(at('2026-11-22T14:05:00Z'));
  });
});

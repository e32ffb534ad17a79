import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('WARDEN_WEBHOOK_URL', () => {
  it('is optional: unset, notifications stay queued', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).webhookUrl).toBeUndefined();
  });

  it('accepts an absolute http(s) URL', () => {
    const url = 'https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnop';
    expect(loadConfig({ NODE_ENV: 'test', WARDEN_WEBHOOK_URL: url }).webhookUrl).toBe(url);
  });

  it.each(['hooks.slack.com/services/T0000/B0000/abcdefghijklmnop', 'ftp://hooks.example/T0000/B0000/abcdefghijklmnop'])(
    'refuses %s without repeating it (the URL is the credential)',
    (url) => {
      const load = () => loadConfig({ NODE_ENV: 'test', WARDEN_WEBHOOK_URL: url });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/WARDEN_WEBHOOK_URL must be an absolute http\(s\) URL/);
      expect(load).not.toThrow(/abcdefghijklmnop/);
    },
  );
});

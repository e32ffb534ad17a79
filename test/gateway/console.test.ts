import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CONTENT_SECURITY_POLICY, useConsole } from '../../src/console/use-console.js';
import { useDevSignIn } from '../../src/console/use-dev-sign-in.js';
import { demoSubject } from '../../src/domain/demo-principals.js';
import { loadConfig } from '../../src/config/config.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * The support console is static code served by the gateway at /console, before authentication:
 * it must answer without a token, never reach GraphQL, and carry headers that keep its page
 * from being framed, sniffed, cached stale or made to load anything from elsewhere.
 */
const build = mkdtempSync(join(tmpdir(), 'warden-console-'));
mkdirSync(join(build, 'assets'));
writeFileSync(join(build, 'index.html'), '<!doctype html><title>Warden support console</title><script type="module" src="/console/assets/index-abc123.js"></script>');
writeFileSync(join(build, 'assets', 'index-abc123.js'), 'console.log("console");');
writeFileSync(join(build, 'assets', 'index-abc123.css'), 'body { margin: 0 }');
writeFileSync(join(build, '.source-hash'), 'deadbeef\n');

const principals = { agent: demoSubject('agent')!, manager: demoSubject('manager')! };

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { publicRoutes: (config) => [useDevSignIn({ config, principals }), useConsole({ root: build })] });
});
afterAll(async () => {
  await t.close();
  rmSync(build, { recursive: true, force: true });
});

describe('the console files', () => {
  it.each(['/console', '/console/'])('serves index.html at %s without a token, never cached, under a strict CSP', async (path) => {
    const response = await t.fetch(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Warden support console</title>');
  });

  it('allows scripts, styles and requests from its own origin only, nothing inline, and no framing', () => {
    const directives = Object.fromEntries(CONSOLE_CONTENT_SECURITY_POLICY.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({ 'default-src': "'none'", 'script-src': "'self'", 'style-src': "'self'", 'connect-src': "'self'", 'frame-ancestors': "'none'", 'base-uri': "'none'" });
    expect(CONSOLE_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|data:/);
  });

  it.each([
    ['/console/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['/console/assets/index-abc123.css', 'text/css; charset=utf-8'],
  ])('serves %s with its content type, cached for good (its name changes with its content)', async (path, contentType) => {
    const response = await t.fetch(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['/console/.source-hash', '/console/assets/missing.js', '/console/../package.json', '/console/%2e%2e/package.json', '/console/approvals'])('answers 404 for %s: only files the build wrote are served', async (path) => {
    const response = await t.fetch(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('deadbeef');
  });

  it('answers other methods with 405, not GraphQL', async () => {
    const response = await t.fetch('/console', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewer { id } }"}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('control: /graphql still refuses a request without a token', async () => {
    const response = await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewer { id } }"}' });
    expect(response.status).toBe(401);
  });

  it('says how to build the console when there is no build, and serves it once there is', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'warden-console-empty-'));
    const gateway = await startTestGateway({}, { database: t.database, publicRoutes: () => [useConsole({ root: empty })] });
    try {
      const missing = await gateway.fetch('/console');
      expect(missing.status).toBe(503);
      expect(await missing.text()).toMatch(/npm run console:build/);
      writeFileSync(join(empty, 'index.html'), '<!doctype html><title>built</title>');
      expect((await gateway.fetch('/console')).status).toBe(200);
    } finally {
      await gateway.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the development sign-in', () => {
  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json', 'x-warden-csrf': '1' }) =>
    t.fetch('/console/dev-token', { method: 'POST', headers, body: JSON.stringify(body) });

  it('lists the demo principals it offers', async () => {
    const response = await t.fetch('/console/dev-token');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      principals: [
        { who: 'agent', id: 'stf_sarah', name: 'Sarah Lee', kind: 'staff', roles: ['support_agent'] },
        { who: 'manager', id: 'stf_marcus', name: 'Marcus Webb', kind: 'staff', roles: ['support_manager'] },
      ],
    });
  });

  it('mints a token the gateway accepts, signed in just now (an agent may start a session at once)', async () => {
    const response = await post({ who: 'agent' });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const viewer = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { id roles } }' }),
    });
    expect(await viewer.json()).toEqual({ data: { viewer: { id: 'stf_sarah', roles: ['support_agent'] } } });
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { auth_time: number; exp: number };
    expect(Math.abs(claims.auth_time - Date.now() / 1000)).toBeLessThan(30);
    expect(claims.exp - claims.auth_time).toBeLessThanOrEqual(3600);
  });

  it('still lists every principal whole after minting (no response shares headers with another)', async () => {
    await post({ who: 'manager' });
    const response = await t.fetch('/console/dev-token');
    const body = await response.text();
    expect(response.headers.get('content-length') ?? String(Buffer.byteLength(body))).toBe(String(Buffer.byteLength(body)));
    expect(() => JSON.parse(body)).not.toThrow();
  });

  it.each([
    ['someone it does not offer', { who: 'security' }, undefined, 400],
    ['an inherited property name', { who: 'constructor' }, undefined, 400],
    ['a post without the CSRF header', { who: 'agent' }, { 'content-type': 'application/json' }, 403],
    ['a form post', { who: 'agent' }, { 'content-type': 'application/x-www-form-urlencoded', 'x-warden-csrf': '1' }, 415],
  ])('refuses %s', async (_case, body, headers, status) => {
    const response = await post(body, headers);
    expect(response.status).toBe(status);
    expect(await response.json()).not.toHaveProperty('token');
  });

  it('cannot be built in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', WARDEN_JWT_SECRET: 'p'.repeat(40), WARDEN_AUDIT_CHECKPOINT_KEY: 'k'.repeat(40) });
    expect(() => useDevSignIn({ config, principals })).toThrow(/development only/);
  });

  it('control: a gateway not given it has no such route', async () => {
    const gateway = await startTestGateway({}, { database: t.database, publicRoutes: () => [useConsole({ root: build })] });
    try {
      expect((await gateway.fetch('/console/dev-token', { method: 'POST', headers: { 'content-type': 'application/json', 'x-warden-csrf': '1' }, body: '{"who":"agent"}' })).status).toBe(404);
    } finally {
      await gateway.close();
    }
  });
});

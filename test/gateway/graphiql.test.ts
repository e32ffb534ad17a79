import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_ASSETS, renderGraphiQLPage } from '../../src/server/graphiql-page.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let dev: TestGateway;
let prod: TestGateway;
beforeAll(async () => {
  dev = await startTestGateway();
  prod = await startTestGateway({ NODE_ENV: 'production', WARDEN_AUDIT_CHECKPOINT_KEY: 'test-checkpoint-key-'.padEnd(40, 'x') }, { database: dev.database });
});
afterAll(async () => {
  await prod.close();
  await dev.close();
});

async function page(t: TestGateway): Promise<string> {
  const response = await t.fetch('/graphql', { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  return response.text();
}

/** Every URL the page makes the browser load: `src` and `href` attributes. */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1] ?? '');
}

const WORKERS = Object.values(GRAPHIQL_ASSETS.workers);

describe('GraphiQL, outside production', () => {
  it('loads nothing from another origin: every file is on the gateway', async () => {
    const html = await page(dev);
    expect(html).not.toMatch(/https?:|unpkg/);
    const urls = referencedUrls(html);
    expect(urls).toEqual(expect.arrayContaining([GRAPHIQL_ASSETS.script, GRAPHIQL_ASSETS.style, GRAPHIQL_ASSETS.icon]));
    for (const url of urls) expect(url).toMatch(/^\/[^/]/);
  });

  it('has no inline script, so a strict Content-Security-Policy can allow it', async () => {
    const scripts = [...(await page(dev)).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, attributes]) => attributes?.trim())).toEqual([expect.stringContaining('type="application/json"'), `src="${GRAPHIQL_ASSETS.script}"`]);
    const options: unknown = JSON.parse(scripts[0]?.[2] ?? '');
    expect(options).toMatchObject({ title: 'Warden', headers: expect.stringContaining('Bearer <paste a token') });
  });

  it.each([
    [GRAPHIQL_ASSETS.script, 'text/javascript'],
    [GRAPHIQL_ASSETS.style, 'text/css'],
    [GRAPHIQL_ASSETS.icon, 'image/x-icon'],
    ...WORKERS.map((worker) => [worker, 'text/javascript']),
  ])('serves %s from the installed package', async (path, contentType) => {
    const response = await dev.fetch(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(contentType);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it("points Monaco's workers at the gateway, then renders GraphiQL", async () => {
    const script = await (await dev.fetch(GRAPHIQL_ASSETS.script)).text();
    expect(script.startsWith('self.MonacoEnvironment')).toBe(true);
    for (const worker of WORKERS) expect(script.slice(0, 1000)).toContain(`"${worker}"`);
    expect(script.trimEnd().endsWith(');')).toBe(true);
    expect(script.slice(-300)).toContain('YogaGraphiQL.renderYogaGraphiQL(');
  });

  it('loads no stylesheet or font from another origin', async () => {
    const response = await dev.fetch(GRAPHIQL_ASSETS.style);
    expect(response.status).toBe(200);
    const css = await response.text();
    expect(css).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//);
  });

  it('keeps options from closing their element early', () => {
    const html = renderGraphiQLPage({ title: 'A</title><script>x()</script>', headers: '{"x":"</script><script>alert(1)</script>"}' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title>A&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>');
  });
});

describe('GraphiQL in production', () => {
  it('is not served, nor are its files', async () => {
    for (const path of [GRAPHIQL_ASSETS.script, GRAPHIQL_ASSETS.style, ...WORKERS]) {
      expect((await prod.fetch(path)).status).toBe(404);
    }
  });
});

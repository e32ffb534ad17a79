import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';

export interface ConsoleOptions {
  /** The folder Vite built the console into: `index.html`, `assets/` (`npm run console:build`). */
  root: string;
  /** Where the console is served. @default '/console' */
  path?: string;
}

/**
 * Everything the console's page may load: its own scripts and styles, data from the gateway on
 * the same origin, nothing inline, nothing from elsewhere, and no page may frame it (the banner
 * saying who acts as whom must never be hidden under another site's page).
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Vite names the files under assets/ by their content: a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface ConsoleFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  cacheControl: string;
}

/**
 * Serves the support console's built files at `/console`: static code, answered in `onRequest`
 * before authentication, so it never reaches the schema or any data (the console itself asks
 * `/graphql` for those, with the bearer token like any client). Only files the build wrote are
 * served, found by exact path in a listing made once, so no request names a file outside it.
 * `index.html` is never cached (a new build must reach the next visit); every answer carries a
 * strict Content-Security-Policy and `nosniff`.
 */
export function useConsole(options: ConsoleOptions): Plugin {
  const base = (options.path ?? '/console').replace(/\/+$/, '');
  let listing: Promise<Map<string, ConsoleFile> | null> | undefined;
  // A missing build is looked for again on the next request: `npm run console:build` fixes it without a restart.
  const files = async () => {
    listing ??= listBuild(options.root);
    const found = await listing;
    if (!found) listing = undefined;
    return found;
  };

  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return;
      const headers = securityHeaders();
      const answer = (status: number, body: BodyInit | null, extra: Record<string, string> = {}) =>
        endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status, headers: { ...headers, ...extra } }));

      const name = url.pathname === base || url.pathname === `${base}/` ? 'index.html' : url.pathname.slice(base.length + 1);
      const built = await files();
      const file = built?.get(name);
      if (!file) {
        if (name === 'index.html') {
          answer(503, 'The console is not built yet: run `npm run console:build` (npm start builds it), then reload.\n', { 'content-type': CONTENT_TYPES['.txt'] ?? '', 'cache-control': 'no-store' });
        } else {
          answer(404, 'Not found.\n', { 'content-type': CONTENT_TYPES['.txt'] ?? '', 'cache-control': 'no-store' });
        }
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        answer(405, null, { allow: 'GET, HEAD', 'cache-control': 'no-store' });
        return;
      }
      answer(200, file.body, { 'content-type': file.contentType, 'cache-control': file.cacheControl });
    },
  };
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONSOLE_CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/** Every file the build wrote (dotfiles, such as its source stamp, aside), by its path under `root` with `/`; null when there is no build. */
async function listBuild(root: string): Promise<Map<string, ConsoleFile> | null> {
  const files = new Map<string, ConsoleFile>();
  const walk = async (folder: string): Promise<boolean> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => null);
    if (!entries) return false;
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
        continue;
      }
      const contentType = CONTENT_TYPES[extname(entry.name).toLowerCase()];
      if (!entry.isFile() || !contentType) continue;
      const path = relative(root, full).split(sep).join('/');
      const cacheControl = path === 'index.html' ? 'no-store' : path.startsWith('assets/') ? IMMUTABLE : 'no-cache';
      files.set(path, { body: new Uint8Array(await readFile(full)), contentType, cacheControl });
    }
    return true;
  };
  return (await walk(root)) && files.has('index.html') ? files : null;
}

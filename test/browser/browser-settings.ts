import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** The port `npm run test:browser` serves the gateway on. */
export const BROWSER_PORT = Number(process.env['WARDEN_BROWSER_PORT'] ?? 4410);

/** The system's Chromium (Debian's `chromium` package); Playwright never downloads one here. */
export const CHROMIUM_PATH = process.env['WARDEN_CHROMIUM'] ?? '/usr/bin/chromium';

/** Where each page's screenshot goes (git-ignored; the README names it). */
export const SCREENSHOTS_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * The browser tests' own database on DATABASE_URL's server: named once, when the config is read,
 * so the gateway (serve-gateway.ts) and a spec that must write beneath it (a second audit chain)
 * name the same one. Null without a server: the gateway then runs on the embedded database,
 * which no spec can reach.
 */
process.env['WARDEN_BROWSER_DATABASE'] ??= `warden_browser_${randomBytes(4).toString('hex')}`;
export const BROWSER_DATABASE_URL: string | null = process.env['DATABASE_URL'] ? databaseUrlNamed(process.env['DATABASE_URL'], process.env['WARDEN_BROWSER_DATABASE']) : null;

function databaseUrlNamed(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

import { fileURLToPath } from 'node:url';

/** The port `npm run test:browser` serves the gateway on. */
export const BROWSER_PORT = Number(process.env['WARDEN_BROWSER_PORT'] ?? 4410);

/** The system's Chromium (Debian's `chromium` package); Playwright never downloads one here. */
export const CHROMIUM_PATH = process.env['WARDEN_CHROMIUM'] ?? '/usr/bin/chromium';

/** Where each page's screenshot goes (git-ignored; the README names it). */
export const SCREENSHOTS_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

import { defineConfig } from 'vite';
import { CONSOLE_APP_DIR, CONSOLE_BUILD_DIR } from './console-paths.js';

/**
 * The support console: React, built into a git-ignored folder the gateway serves at /console
 * (`useConsole`). The page runs under a strict Content-Security-Policy, so the build inlines
 * nothing: no data: URLs for small files, no inline module-preload script.
 */
export default defineConfig({
  root: CONSOLE_APP_DIR,
  base: '/console/',
  publicDir: 'public',
  logLevel: 'warn',
  build: {
    outDir: CONSOLE_BUILD_DIR,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});

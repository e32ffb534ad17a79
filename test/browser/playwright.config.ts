import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { BROWSER_PORT, CHROMIUM_PATH } from './browser-settings.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const report = process.env['WARDEN_BROWSER_REPORT'];

/**
 * The console in the system's Chromium (never a downloaded browser) against the real gateway:
 * `npm start` itself, on a database of its own (a fresh one on DATABASE_URL's server, or the
 * embedded one in memory), so the build-if-stale step and the dev sign-in are what is tested.
 * One worker: the tests share the gateway and its demo people.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: './results',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: report ? [['list'], ['json', { outputFile: report }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${BROWSER_PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: {
    command: 'node --import tsx test/browser/serve-gateway.ts',
    cwd: ROOT,
    url: `http://127.0.0.1:${BROWSER_PORT}/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});

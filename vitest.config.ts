import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) copies. Node loads the CommonJS one for
    // yoga and Pothos; without this alias Vite would hand our code the ESM one, and errors thrown
    // by our resolvers would fail yoga's `instanceof GraphQLError` and be masked.
    alias: [
      { find: /^graphql$/, replacement: require.resolve('graphql') },
      // The examples under examples/ import Warden as the package `warden`; Warden's own suite
      // runs their schemas through its canary and oracle checks on the sources under test.
      { find: /^warden$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Playwright's specs (npm run test:browser) drive a browser against a running gateway.
    exclude: ['test/browser/**', '**/node_modules/**'],
    // Picks PostgreSQL (DATABASE_URL, a throwaway cluster) or PGlite once for the whole run.
    globalSetup: ['test/setup/global-setup.ts'],
    // Forks, not threads: pg pools and PGlite's WASM heap are safer in separate processes.
    pool: 'forks',
    // Two CPUs: more workers only queue behind each other and the database server.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Migrating PGlite or cloning a database happens in hooks and can take a while on a cold start.
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    env: { NODE_ENV: 'test' },
  },
});

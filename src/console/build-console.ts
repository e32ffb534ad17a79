import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_APP_DIR, CONSOLE_BUILD_DIR } from './console-paths.js';

/**
 * `npm run console:build`: builds the support console with Vite into `.warden/console` (see
 * vite.config.ts). With `--if-stale` (what `npm start` runs first) it builds only when there is
 * no build or its sources changed since: a hash of the app's files, the Vite config and the lock
 * file is kept beside the build and compared. The build is written next to the old one and
 * swapped in, so a gateway serving the old one never finds half a build.
 */
const CONFIG_FILE = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
const APP_DIR = CONSOLE_APP_DIR;
const LOCK_FILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
const STAMP = '.source-hash';

/** Every file of the app, in a stable order, with the config and the lock file (which pins React and Vite). */
export async function consoleSourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await filesUnder(APP_DIR)).sort(), CONFIG_FILE, fileURLToPath(new URL('./console-paths.ts', import.meta.url)), LOCK_FILE];
  for (const file of files) {
    hash.update(relative(APP_DIR, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : Promise.resolve(entry.isFile() ? [join(folder, entry.name)] : []))));
  return nested.flat();
}

/** Builds the console unless `ifStale` and the build's stamp matches the sources; says which it did. */
export async function buildConsole(options: { ifStale: boolean }): Promise<'built' | 'fresh'> {
  const outDir = CONSOLE_BUILD_DIR;
  const sourceHash = await consoleSourceHash();
  if (options.ifStale) {
    const stamp = await readFile(join(outDir, STAMP), 'utf8').catch(() => null);
    if (stamp?.trim() === sourceHash) return 'fresh';
  }
  // Loaded only to build: a start with a fresh build never pays for it.
  const { build } = await import('vite');
  const staging = `${outDir.replace(/\/+$/, '')}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await build({ configFile: CONFIG_FILE, mode: 'production', build: { outDir: staging, emptyOutDir: true } });
    await writeFile(join(staging, STAMP), `${sourceHash}\n`);
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return 'built';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildConsole({ ifStale: process.argv.includes('--if-stale') }).then(
    (result) => {
      if (result === 'built') console.log(`console built into .warden/console in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
    (error: unknown) => {
      console.error('The console could not be built:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Warden is a layer, and the reference domain is only its first user: the domain reaches Warden
 * through the public entry (src/index.ts), as any application would through the package, and
 * nothing of Warden's depends on the domain. A check on the imports themselves, so a shortcut
 * into Warden's internals fails CI the day it is written.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');
const DOMAIN = join(SRC, 'domain');
const ENTRY = join(SRC, 'index.ts');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The files a module imports by relative path, resolved (`./x.js` is `./x.ts`). */
function relativeImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')));
}

const inside = (folder: string, file: string) => !relative(folder, file).startsWith('..');

describe('the reference domain is an application of Warden, not part of it', () => {
  it('reaches Warden through the public entry only: everything else it imports is its own', () => {
    const shortcuts = sourceFiles(DOMAIN).flatMap((file) =>
      relativeImports(file)
        .filter((target) => !inside(DOMAIN, target) && target !== ENTRY)
        .map((target) => `${relative(ROOT, file)} imports ${relative(ROOT, target)}`),
    );
    expect(shortcuts).toEqual([]);
  });

  it("is imported by none of Warden's own modules", () => {
    const warden = sourceFiles(SRC).filter((file) => !inside(DOMAIN, file));
    const intoDomain = warden.flatMap((file) =>
      relativeImports(file)
        .filter((target) => inside(DOMAIN, target))
        .map((target) => `${relative(ROOT, file)} imports ${relative(ROOT, target)}`),
    );
    expect(intoDomain).toEqual([]);
  });

  it('control: the check sees an import into the internals where one is written', () => {
    const probe = join(DOMAIN, 'probe.ts');
    const { importedFiles } = ts.preProcessFile("import { wardenError } from '../errors/index.js';", true, true);
    const targets = importedFiles.map((imported) => resolve(dirname(probe), imported.fileName.replace(/\.js$/, '.ts')));
    expect(targets.filter((target) => !inside(DOMAIN, target) && target !== ENTRY)).toEqual([join(SRC, 'errors/index.ts')]);
  });
});

describe('the clinic under examples/ is an application installed from the package', () => {
  const EXAMPLE = join(ROOT, 'examples/clinic');
  const manifest = JSON.parse(readFileSync(join(EXAMPLE, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);

  /** What `file` imports that is neither its own (relative, inside the example) nor a package it declares. */
  function foreignImports(file: string, text = readFileSync(file, 'utf8')): string[] {
    return ts.preProcessFile(text, true, true).importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => {
        if (name.startsWith('.')) return !inside(EXAMPLE, resolve(dirname(file), name));
        if (name.startsWith('node:')) return false;
        const pkg = name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/');
        // `warden` itself only through its entry: a deep import would reach around the public API.
        return pkg === 'warden' ? name !== 'warden' : !declared.has(pkg);
      });
  }

  it('imports Warden as `warden` only, and nothing of the repository outside it', () => {
    const files = [...sourceFiles(join(EXAMPLE, 'app')), ...sourceFiles(join(EXAMPLE, 'test')), join(EXAMPLE, 'vitest.config.ts')];
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((file) => foreignImports(file).map((name) => `${relative(ROOT, file)} imports ${name}`))).toEqual([]);
  });

  it("has a lock file that installs any freshly packed tarball: no checksum for it, Warden's dependencies as they are now", () => {
    const lock = JSON.parse(readFileSync(join(EXAMPLE, 'package-lock.json'), 'utf8')) as { packages: Record<string, { integrity?: string; dependencies?: Record<string, string> }> };
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const locked = lock.packages['node_modules/warden'];
    // A checksum would refuse the next pack (EINTEGRITY); stale dependencies would leave a new one uninstalled.
    expect(locked?.integrity, 'drop the "integrity" line of node_modules/warden in examples/clinic/package-lock.json').toBeUndefined();
    expect(locked?.dependencies, 'refresh examples/clinic/package-lock.json: npm install there, then drop the tarball\'s "integrity" line').toEqual(root.dependencies);
  });

  it('control: the check sees an import of Warden’s sources, a deep import and an undeclared package', () => {
    const probe = join(EXAMPLE, 'app/probe.ts');
    const text = "import { wardenError } from '../../../src/errors/index.js';\nimport { x } from 'warden/dist/src/db/migrate.js';\nimport pino from 'pino';";
    expect(foreignImports(probe, text)).toEqual(['../../../src/errors/index.js', 'warden/dist/src/db/migrate.js', 'pino']);
  });
});

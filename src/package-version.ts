import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Warden's own version, from its package.json: found by walking up from this module, which sits
 * at `src/` in the repository and at `dist/src/` in the installed package.
 */
export const WARDEN_VERSION: string = findVersion();

function findVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++, dir = dirname(dir)) {
    let text: string;
    try {
      text = readFileSync(join(dir, 'package.json'), 'utf8');
    } catch {
      continue;
    }
    const pkg = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (pkg.name === 'warden' && typeof pkg.version === 'string') return pkg.version;
  }
  return '0.0.0';
}

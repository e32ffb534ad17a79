import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The reference domain's baseline policy: Warden's default classes, and names shown to support. */
export const DEMO_POLICY_PATH = fileURLToPath(new URL('../../schema/policy.json', import.meta.url));

/** Where its committed field inventory lives; `npm run policy:check -- --write` rewrites it. */
export const FIELD_INVENTORY_PATH = fileURLToPath(new URL('../../schema/field-inventory.md', import.meta.url));

/** Its printed SDL; `npm run schema:print` writes it and CI checks the committed copy is fresh. */
export const SCHEMA_SDL_PATH = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

/**
 * Where `npm run console:build` (src/console/console-paths.ts) puts the support console that
 * `npm start` serves: `.warden/console` in the folder npm runs scripts in (the repository's
 * root), like the embedded database's `.warden/pgdata`. Not found from import.meta.url: a build
 * of this file (dist/) would look for it beside itself, where nothing builds it.
 */
export const CONSOLE_BUILD_PATH = resolve('.warden/console');

import { fileURLToPath } from 'node:url';

/** The committed field inventory; `npm run policy:check -- --write` rewrites it. */
export const FIELD_INVENTORY_PATH = fileURLToPath(new URL('../schema/field-inventory.md', import.meta.url));

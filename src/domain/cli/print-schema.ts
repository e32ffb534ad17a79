import { writeFileSync } from 'node:fs';
import { SCHEMA_SDL_PATH } from '../files.js';
import { printSchemaFile } from '../print-schema.js';

/** `npm run schema:print` writes schema/schema.graphql; CI fails when the committed copy is stale. */
const target = SCHEMA_SDL_PATH;
writeFileSync(target, printSchemaFile());
console.log(`Wrote ${target}`);

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaFile } from '../print-schema.js';

/** `npm run schema:print` writes schema/schema.graphql; CI fails when the committed copy is stale. */
const target = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
writeFileSync(target, printSchemaFile());
console.log(`Wrote ${target}`);

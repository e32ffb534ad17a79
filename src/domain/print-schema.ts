import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildDemoSchema } from './schema.js';

/** The SDL as committed in schema/schema.graphql. */
export function printSchemaFile(): string {
  return `# Generated from the Pothos schema by \`npm run schema:print\`; do not edit.\n\n${printSchema(lexicographicSortSchema(buildDemoSchema().schema))}\n`;
}

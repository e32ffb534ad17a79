import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { checkPolicy } from '../../index.js';
import { FIELD_INVENTORY_PATH } from '../files.js';
import { buildDemoSchema } from '../schema.js';

/**
 * `npm run policy:check`: prints the field inventory for the security team's review (every
 * `Type.field` with its class, mask and what each kind of caller gets under the baseline; every
 * argument with what it reads) and compares it with the committed schema/field-inventory.md.
 * Fails when a field is unclassified, an argument undeclared, an object and its interface
 * disagree, the baseline has a bad line, or the committed inventory is out of date.
 * `-- --write` rewrites the committed file instead of comparing it.
 */
function main(argv: string[]): number {
  const { report, problems } = checkPolicy((onUnclassified) => buildDemoSchema({ onUnclassified }));
  if (report !== null) console.log(report);
  for (const problem of problems) console.error(problem);
  if (report === null) return 1;
  const path = relative(process.cwd(), FIELD_INVENTORY_PATH);
  if (argv.includes('--write')) {
    writeFileSync(FIELD_INVENTORY_PATH, report);
    console.error(`Wrote ${path}.`);
  } else if (!existsSync(FIELD_INVENTORY_PATH) || readFileSync(FIELD_INVENTORY_PATH, 'utf8') !== report) {
    console.error(`${path} does not match the schema and the baseline: run \`npm run policy:check -- --write\` and commit it, so the change is reviewed.`);
    return 1;
  }
  return problems.length > 0 ? 1 : 0;
}

process.exit(main(process.argv.slice(2)));

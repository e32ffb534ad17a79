import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { checkPolicy, type WardenSchema } from 'warden';

/** What `npm run policy:check` found: its exit code, the inventory, and each line for the reviewer. */
export interface PolicyReview {
  ok: boolean;
  /** The field inventory (null when the schema does not build at all). */
  report: string | null;
  problems: string[];
}

/**
 * The security team's review of a schema build: Warden's `checkPolicy` (every field classified,
 * every argument declared), and the committed inventory at `inventoryPath` up to date, so a
 * change of class shows in review as a changed line. `write` refreshes the file instead.
 */
export function reviewPolicy(build: (onUnclassified: 'error' | 'secret') => WardenSchema, inventoryPath: string, write = false): PolicyReview {
  const { report, problems } = checkPolicy(build);
  if (report === null) return { ok: false, report, problems };
  if (write) {
    writeFileSync(inventoryPath, report);
    return { ok: problems.length === 0, report, problems };
  }
  if (!existsSync(inventoryPath) || readFileSync(inventoryPath, 'utf8') !== report) {
    problems.push(`${inventoryPath} does not match the schema: run \`npm run policy:check -- --write\` and commit it, so the change is reviewed.`);
  }
  return { ok: problems.length === 0, report, problems };
}

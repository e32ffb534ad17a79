import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ConfigError, loadConfig } from '../../config/config.js';
import { createLogger } from '../../log/logger.js';
import { checkUpstream } from '../check-upstream.js';
import { prepareProxy } from '../start-proxy.js';

/**
 * `WARDEN_UPSTREAM_URL=… npm run policy:check`: the upstream's field inventory for review, checked
 * against its classification, compared with the committed field-inventory.md beside that
 * document (`-- --write` rewrites it). Fails on an unclassified field, an undeclared argument, a
 * stale entry or a stale inventory, as for a native schema. With WARDEN_UPSTREAM_SDL it reads the
 * SDL file and needs no running upstream (what CI does); otherwise it introspects the upstream,
 * which must trust WARDEN_UPSTREAM_SIGNING_KEY.
 */
async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  if (!config.upstream) throw new ConfigError('policy:check for an upstream needs WARDEN_UPSTREAM_URL (and WARDEN_UPSTREAM_SDL to check without calling it).');
  const logger = createLogger('silent');
  const proxy = await prepareProxy({ upstream: config.upstream, logger });
  const { report, problems } = checkUpstream(proxy.schema, relative(process.cwd(), config.upstream.classesPath));
  if (report !== null) console.log(report);
  for (const problem of problems) console.error(problem);
  if (report === null) return 1;
  const inventoryPath = join(dirname(config.upstream.classesPath), 'field-inventory.md');
  const shown = relative(process.cwd(), inventoryPath);
  if (argv.includes('--write')) {
    writeFileSync(inventoryPath, report);
    console.error(`Wrote ${shown}.`);
  } else if (!existsSync(inventoryPath) || readFileSync(inventoryPath, 'utf8') !== report) {
    console.error(`${shown} does not match the upstream and its classification: run \`npm run policy:check -- --write\` (with the same WARDEN_UPSTREAM_* settings) and commit it, so the change is reviewed.`);
    return 1;
  }
  return problems.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

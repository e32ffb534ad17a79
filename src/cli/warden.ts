#!/usr/bin/env node
/**
 * `warden <command>`: the operator's commands, installed with the package (`npx warden …`), so
 * an application that installs Warden can verify its audit trail, keep its partitions and make
 * its keys without a checkout of Warden's repository. Each runs the same module as the
 * repository's `npm run <command>`, with the arguments after the command.
 */
const COMMANDS: Record<string, { what: string; run: () => Promise<unknown> }> = {
  'audit:verify': { what: 'walk the audit hash chain and check every signed checkpoint (--help for options)', run: () => import('../audit/cli/verify.js') },
  'audit:partitions': { what: "create this month's and the next two months' audit partitions (as the table owner)", run: () => import('../audit/cli/retention.js') },
  'audit:retention': { what: 'detach the audit months before --before YYYY-MM (as the table owner)', run: () => import('../audit/cli/retention.js') },
  'audit:keygen': { what: 'print a new Ed25519 key pair for audit checkpoints', run: () => import('../audit/cli/keygen.js') },
  'proxy:keygen': { what: 'print a new ES256 private key for WARDEN_UPSTREAM_SIGNING_KEY', run: () => import('../proxy/cli/keygen.js') },
};

const USAGE = `Usage: warden <command> [options]

${Object.entries(COMMANDS)
  .map(([name, { what }]) => `  ${name.padEnd(18)} ${what}`)
  .join('\n')}

They read the same environment as the gateway (DATABASE_URL, WARDEN_AUDIT_CHECKPOINT_KEY, …).`;

const [name, ...args] = process.argv.slice(2);
const command = name === undefined ? undefined : COMMANDS[name];
if (name === undefined || name === '--help' || name === '-h') {
  console.log(USAGE);
} else if (!command) {
  console.error(`warden: there is no command "${name}".\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  // The commands read their options from process.argv, as under `npm run`: the part after the command.
  // `audit:partitions` is the partitions mode of the retention command, as its npm script says.
  process.argv = [process.argv[0] ?? 'node', process.argv[1] ?? 'warden', ...(name === 'audit:partitions' ? ['partitions'] : []), ...args];
  await command.run();
}

/**
 * How the operator runs one of Warden's commands, for its usage and hints: `npm run audit:verify
 * --` in a checkout of the repository (npm names the script it runs: one of these commands),
 * `warden audit:verify` where the package is installed (`npx warden …`).
 */
export function invokedAs(command: string): string {
  const script = process.env['npm_lifecycle_event'] ?? '';
  return /^(?:audit|proxy):/.test(script) ? `npm run ${command} --` : `warden ${command}`;
}

import { parseArgs } from 'node:util';
import { loadConfig, mintDevToken } from '../../index.js';
import { DEMO_ALIASES, demoSubject } from '../demo-principals.js';
import { DEMO_STAFF, DEMO_USERS } from '../seed/demo-data.js';

const USAGE = `Usage: npm run token -- <alias or id> [--minutes N] [--signed-in-minutes-ago N]

Mints a development token signed with WARDEN_JWT_SECRET (or the development default).
Aliases: ${Object.keys(DEMO_ALIASES).join(', ')}
Ids: ${[...DEMO_STAFF.map((s) => s.id), ...DEMO_USERS.map((u) => u.id)].join(', ')}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      minutes: { type: 'string', default: '480' },
      'signed-in-minutes-ago': { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const who = positionals[0];
  if (values.help || !who) {
    console.error(USAGE);
    return who ? 0 : 2;
  }
  const subject = demoSubject(who);
  if (!subject) {
    console.error(`No demo principal is called "${who}".\n\n${USAGE}`);
    return 2;
  }
  const minutes = Number(values.minutes);
  const agoMinutes = Number(values['signed-in-minutes-ago']);
  if (!Number.isFinite(minutes) || minutes <= 0 || !Number.isFinite(agoMinutes) || agoMinutes < 0) {
    console.error('--minutes must be a positive number and --signed-in-minutes-ago zero or more.');
    return 2;
  }
  const config = loadConfig();
  if (!config.jwt.secret) {
    console.error('WARDEN_JWKS_URL is set: tokens come from your identity provider, not from here.');
    return 2;
  }
  const token = await mintDevToken(config.jwt.secret, subject, {
    expiresInSeconds: Math.round(minutes * 60),
    authTime: new Date(Date.now() - agoMinutes * 60_000),
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
  });
  console.log(token);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

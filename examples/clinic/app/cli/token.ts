import { loadConfig, mintDevToken } from 'warden';
import { CLINIC_ALIASES, clinicSubject } from '../principals.js';

/** `npm run token -- <alias or id>`: an 8-hour development token, signed with WARDEN_JWT_SECRET (or the default). */
async function main(): Promise<number> {
  const who = process.argv[2];
  const subject = who ? clinicSubject(who) : undefined;
  if (!subject) {
    console.error(`Usage: npm run token -- <alias or id>\nAliases: ${Object.keys(CLINIC_ALIASES).join(', ')}`);
    return 2;
  }
  const config = loadConfig();
  if (!config.jwt.secret) {
    console.error('WARDEN_JWKS_URL is set: tokens come from your identity provider, not from here.');
    return 2;
  }
  console.log(await mintDevToken(config.jwt.secret, subject, { issuer: config.jwt.issuer, audience: config.jwt.audience }));
  return 0;
}

main().then((code) => process.exit(code));

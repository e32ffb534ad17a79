import { generateSigningKeyPem } from '../upstream-token.js';

/**
 * `npm run proxy:keygen`: a new ES256 private key for WARDEN_UPSTREAM_SIGNING_KEY, printed as
 * PKCS#8 PEM. Keep it in the secret store of the gateways; the upstream trusts its public half,
 * served at /.well-known/jwks.json.
 */
process.stdout.write(await generateSigningKeyPem());

/**
 * `npm run policy:check`: with WARDEN_UPSTREAM_URL, the review of the upstream Warden stands in
 * front of; without it, of the reference domain's schema.
 */
if (process.env['WARDEN_UPSTREAM_URL']) await import('./proxy/cli/policy-check.js');
else await import('./domain/cli/policy-check.js');

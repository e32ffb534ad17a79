/**
 * `npm start`: with WARDEN_UPSTREAM_URL, Warden in front of that GraphQL API (proxy mode);
 * without it, the reference domain on the embedded database with demo data.
 */
if (process.env['WARDEN_UPSTREAM_URL']) await import('./proxy/main.js');
else await import('./domain/main.js');

import { createServer, type RequestListener } from 'node:http';
import { ConfigError, loadConfig } from '../config/config.js';
import { openDatabase } from '../db/connect.js';
import { mintDevToken } from '../auth/mint-token.js';
import { createLogger } from '../log/logger.js';
import { startListening } from '../server/start-listening.js';
import { startWarden } from '../server/start-warden.js';
import { stopOnSignals } from '../server/stop-on-signals.js';
import { addDevelopmentStaff, DEVELOPMENT_STAFF } from './development-staff.js';
import { prepareProxy, upstreamSignerOf } from './start-proxy.js';

/**
 * `WARDEN_UPSTREAM_URL=… npm start`: Warden in front of an existing GraphQL API. The upstream's
 * schema is read (its SDL, or introspection), classified from WARDEN_UPSTREAM_CLASSES, and served
 * with Warden's own operations beside it; every call reaches the upstream as the customer, in a
 * token Warden signs (its public key at /.well-known/jwks.json). docs/proxy.md walks through it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const upstream = config.upstream;
  if (!upstream) throw new ConfigError('Proxy mode needs WARDEN_UPSTREAM_URL: the GraphQL endpoint Warden stands in front of.');
  const logger = createLogger(config.logLevel);
  // Listening first, with only the public key set: an upstream that checks Warden's tokens
  // against it can answer the introspection the start asks for.
  const signer = await upstreamSignerOf(upstream, logger);
  let handler: RequestListener = whileStarting(signer.jwks);
  const server = createServer((request, response) => handler(request, response));
  await startListening(server, config.port, config.host);
  const proxy = await prepareProxy({ upstream, logger, signer });
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  const { db, description } = database;
  const warden = await startWarden({
    database,
    schema: proxy.schema,
    identity: proxy.identity,
    config,
    logger,
    publicRoutes: proxy.publicRoutes,
    beforeServing: async () => {
      if (config.seedDemoData) {
        const added = await addDevelopmentStaff(db);
        if (added > 0) logger.info({ staff: added }, 'development staff added to an empty staff table');
      }
    },
  });
  if (!warden) {
    await db.destroy();
    return;
  }
  handler = warden.gateway;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url: `${base}/graphql`, upstream: upstream.url, database: description }, 'Warden is listening, in front of the upstream');

  if (!config.production && config.jwt.secret) {
    const lines = [
      '',
      `  Warden in front of ${upstream.url}: ${base}/graphql`,
      `  The upstream verifies Warden's tokens with ${base}/.well-known/jwks.json`,
      ...(config.mcpOperationsPath ? [`  MCP endpoint: ${base}/mcp (the tools of ${config.mcpOperationsPath}; send a token as "Authorization: Bearer …")`] : []),
      '',
      '  Staff tokens (8 hours):',
    ];
    const present = new Set((await db.selectFrom('staff').select('id').where('active', '=', true).execute()).map((row) => row.id));
    for (const staff of DEVELOPMENT_STAFF.filter((candidate) => present.has(candidate.id))) {
      const token = await mintDevToken(config.jwt.secret, { sub: staff.id, kind: 'staff', name: staff.name, roles: [...staff.roles] }, { issuer: config.jwt.issuer, audience: config.jwt.audience });
      lines.push(`  ${staff.alias.padEnd(9)} ${staff.name} (${staff.id}, ${staff.roles.join(', ')})`, `            ${token}`);
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  }

  stopOnSignals({ server, warden, db, logger });
}

/** Until the gateway is ready: the public key set, and 503 for everything else. */
function whileStarting(jwks: unknown): RequestListener {
  const keys = JSON.stringify(jwks);
  return (request, response) => {
    if (request.method === 'GET' && request.url === '/.well-known/jwks.json') {
      response.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'no-store' }).end(keys);
      return;
    }
    response
      .writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' })
      .end(JSON.stringify({ errors: [{ message: 'Warden is starting (reading the upstream API and its classification); try again in a few seconds.', extensions: { code: 'UPSTREAM_UNAVAILABLE' } }] }));
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Warden failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

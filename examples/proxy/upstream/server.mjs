// The Lettings API over HTTP: POST (or GET, for queries) /graphql with a bearer JWT.
//
//   node examples/proxy/upstream/server.mjs
//
// Every request needs `Authorization: Bearer <JWT>`, verified against a JWKS (WARDEN_JWKS_URL)
// with the configured issuer and audience. Claims:
//   sub   the user id (`usr_…`), or `warden` for the support tooling's service token
//   act   optional, RFC 8693: `{ sub: <agent id> }` when someone acts for the user
//   sid   optional: the support session the call belongs to
//   scope the service token's scopes, space separated (`warden:identity`)
import { createServer } from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GraphQLError, Kind, TypeInfo, getOperationAST, execute, parse, validate, visit, visitWithTypeInfo } from 'graphql';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';
import { createSeedData, ids, resetData } from './data.mjs';
import { createSchema, typeDefs } from './schema.mjs';

export { createSeedData, ids, typeDefs };

/** The `sub` of the support tooling's service token. */
const SERVICE_SUBJECT = 'warden';
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_CALLS = 1000;

/**
 * Starts the API. Give the verification keys as `jwksUrl` (fetched when first needed, then
 * cached) or `keys` (a JSON Web Key Set). `issuer` defaults to `warden`; pass null to accept
 * any. `audience` is checked when given. `seed(data)` runs after the built-in seed and after
 * every `reset()`, to add or change rows.
 *
 * @param {import('./server.d.mts').StartUpstreamOptions} options
 * @returns {Promise<import('./server.d.mts').Upstream>}
 */
export async function startUpstream({ port = 0, host = '127.0.0.1', jwksUrl, keys, issuer = 'warden', audience, seed, onCall } = {}) {
  if (!jwksUrl && !keys) throw new Error('startUpstream needs jwksUrl or keys to verify tokens.');
  const keySet = keys ? createLocalJWKSet(keys) : createRemoteJWKSet(new URL(jwksUrl));
  const verifyOptions = {
    algorithms: ALGORITHMS,
    issuer: issuer ?? undefined,
    audience: audience ?? undefined,
    requiredClaims: ['sub', 'exp'],
    clockTolerance: 5,
  };

  const schema = createSchema();
  const data = createSeedData();
  seed?.(data);
  /** @type {import('./server.d.mts').UpstreamCall[]} */
  const calls = [];

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error('lettings: request failed', error);
      if (!response.headersSent) send(response, 500, { errors: [{ message: 'Internal server error' }] });
      else response.destroy();
    });
  });

  async function handle(request, response) {
    const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/health') return send(response, 200, { ok: true });
    if (pathname !== '/graphql') return send(response, 404, { errors: [{ message: 'Not found' }] });
    if (request.method !== 'POST' && request.method !== 'GET') {
      response.setHeader('Allow', 'GET, POST');
      return send(response, 405, { errors: [{ message: 'Use GET or POST' }] });
    }

    const auth = await authenticate(request.headers.authorization);
    if ('status' in auth) {
      if (auth.status === 401) response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      return send(response, auth.status, { errors: [{ message: auth.message, extensions: { code: auth.code } }] });
    }

    let params;
    if (request.method === 'GET') {
      params = { query: searchParams.get('query'), operationName: searchParams.get('operationName'), variables: searchParams.get('variables') };
      try {
        params.variables = params.variables ? JSON.parse(params.variables) : null;
      } catch {
        return send(response, 400, { errors: [{ message: 'variables is not valid JSON' }] });
      }
    } else {
      const body = await readBody(request);
      if (body === null) return send(response, 413, { errors: [{ message: 'Request body too large' }] });
      try {
        params = JSON.parse(body);
      } catch {
        return send(response, 400, { errors: [{ message: 'Request body is not valid JSON' }] });
      }
    }
    const { query, operationName = null, variables = null } = params ?? {};
    if (typeof query !== 'string' || query === '') return send(response, 400, { errors: [{ message: 'Missing query' }] });
    if (variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
      return send(response, 400, { errors: [{ message: 'variables must be an object' }] });
    }

    let document;
    try {
      document = parse(query);
    } catch (error) {
      return send(response, 400, { errors: [error instanceof GraphQLError ? error : { message: 'Could not parse the query' }] });
    }
    const validationErrors = validate(schema, document);
    if (validationErrors.length > 0) return send(response, 400, { errors: validationErrors });
    const operation = getOperationAST(document, operationName);
    if (!operation) return send(response, 400, { errors: [{ message: operationName ? `Unknown operation ${operationName}` : 'Name the operation to run' }] });
    if (request.method === 'GET' && operation.operation !== 'query') {
      response.setHeader('Allow', 'POST');
      return send(response, 405, { errors: [{ message: 'Mutations must be sent with POST' }] });
    }

    const { claims } = auth;
    calls.push({
      sub: claims.sub,
      act: claims.act ?? null,
      sid: typeof claims.sid === 'string' ? claims.sid : null,
      operationName: operation.name?.value ?? null,
      fields: selectedFields(schema, document, operation),
    });
    if (calls.length > MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS);
    onCall?.(calls[calls.length - 1]);

    const result = await execute({
      schema,
      document,
      operationName,
      variableValues: variables,
      contextValue: { data, viewer: auth.viewer, act: claims.act ?? null, sid: claims.sid ?? null },
    });
    return send(response, 200, result);
  }

  /** The caller, from the bearer token; or the status and error to answer with. */
  async function authenticate(header) {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/i.exec((header ?? '').trim());
    if (!match) return { status: 401, code: 'UNAUTHENTICATED', message: 'Missing bearer token' };
    let claims;
    try {
      ({ payload: claims } = await jwtVerify(match[1], keySet, verifyOptions));
    } catch (error) {
      return rejection(error);
    }
    if (claims.act !== undefined && (typeof claims.act !== 'object' || claims.act === null || typeof claims.act.sub !== 'string')) {
      return { status: 401, code: 'UNAUTHENTICATED', message: 'Invalid token: act must be an object with a sub' };
    }
    if (claims.sub === SERVICE_SUBJECT) {
      const scope = claims.scope;
      const scopes = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : Array.isArray(scope) ? scope.filter((s) => typeof s === 'string') : [];
      return { claims, viewer: { kind: 'service', scopes } };
    }
    const user = data.users.find((u) => u.id === claims.sub);
    const organisation = user && data.organisations.find((o) => o.id === user.organisationId);
    if (!user || !organisation) return { status: 401, code: 'UNAUTHENTICATED', message: 'Unknown user' };
    return { claims, viewer: { kind: 'user', user, organisation } };
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/graphql`;

  return {
    url,
    calls,
    data,
    reset() {
      resetData(data);
      seed?.(data);
      calls.length = 0;
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function rejection(error) {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return { status: 401, code: 'UNAUTHENTICATED', message: 'Invalid token: expired' };
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return { status: 401, code: 'UNAUTHENTICATED', message: `Invalid token: ${error.message}` };
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Could not fetch the signing keys' };
    default:
      // jose's own errors carry an ERR_J… code; anything else is the key set failing to load.
      if (typeof code === 'string' && code.startsWith('ERR_J')) return { status: 401, code: 'UNAUTHENTICATED', message: 'Invalid token' };
      return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Could not fetch the signing keys' };
  }
}

/** `Type.field` for every field the operation selects, through its fragments; no `__` fields. */
function selectedFields(schema, document, operation) {
  const fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const coordinates = new Set();
  const queued = new Set();
  const pending = [operation];
  while (pending.length > 0) {
    const typeInfo = new TypeInfo(schema);
    visit(
      pending.shift(),
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (parent && !node.name.value.startsWith('__')) coordinates.add(`${parent.name}.${node.name.value}`);
        },
        FragmentSpread(node) {
          const name = node.name.value;
          if (!queued.has(name) && fragments.has(name)) {
            queued.add(name);
            pending.push(fragments.get(name));
          }
        },
      }),
    );
  }
  return [...coordinates];
}

/** The body as text, or null when it is over the limit (read to the end, so we can answer). */
function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response, status, body) {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  response.end(json);
}

async function main() {
  const port = Number(process.env.PORT ?? 4100);
  const upstream = await startUpstream({
    port,
    jwksUrl: process.env.WARDEN_JWKS_URL ?? 'http://127.0.0.1:4000/.well-known/jwks.json',
    issuer: process.env.JWT_ISSUER ?? 'warden',
    audience: process.env.JWT_AUDIENCE || undefined,
    // The API's own access log: who the call was made as, and who acted for them.
    onCall: (call) => {
      const actor = call.act ? ` acted for by ${call.act.sub}, session ${call.sid ?? '?'}` : '';
      const roots = call.fields.filter((field) => /^(Query|Mutation)\./.test(field));
      console.log(`${call.sub}${actor}: ${roots.length > 0 ? roots.join(', ') : 'the schema'}`);
    },
  });
  console.log(`Lettings API listening on ${upstream.url}`);
  const stop = () => {
    upstream.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function runDirectly() {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runDirectly()) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

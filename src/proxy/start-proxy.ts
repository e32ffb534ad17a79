import { readFileSync } from 'node:fs';
import type { Plugin } from 'graphql-yoga';
import type { UpstreamConfig } from '../config/config.js';
import type { WardenIdentity } from '../identity/identity.js';
import type { Logger } from '../log/logger.js';
import { loadClassification, type UpstreamClassification } from './classification.js';
import { proxySchemaOf, type ProxySchema } from './proxy-schema.js';
import { serviceExecutor, upstreamExecutor } from './upstream-executor.js';
import { identityFromUpstream, IDENTITY_SCOPE } from './upstream-identity.js';
import { loadUpstreamSchema } from './upstream-schema.js';
import { createUpstreamSigner, type UpstreamSigner } from './upstream-token.js';
import { useJwks } from './use-jwks.js';

/** The scope of the service token Warden introspects the upstream with. */
export const SCHEMA_SCOPE = 'warden:schema';

export interface Proxy {
  /** The upstream's schema beside Warden's own, every field guarded: serve it with `startWarden`. */
  schema: ProxySchema;
  /** Who a customer is, as the upstream answers (unless the application passed its own). */
  identity: WardenIdentity;
  signer: UpstreamSigner;
  /** Serve these with the gateway (`publicRoutes`): the public key set the upstream verifies Warden's tokens with. */
  publicRoutes: Plugin[];
}

export interface ProxyOptions {
  upstream: UpstreamConfig;
  logger: Logger;
  /** The classification of the upstream's fields. @default read from `upstream.classesPath` */
  classification?: UpstreamClassification;
  /** How Warden learns about customers. @default the upstream's identity query */
  identity?: WardenIdentity;
  /** Signs the upstream's tokens. @default one from `upstream.signingKey` (`upstreamSignerOf`) */
  signer?: UpstreamSigner;
  /** Forward queries of the upstream's fields by walking its answer once (see `ProxySchemaOptions`). @default true */
  forwardAnswers?: boolean;
}

/** The signer of the upstream's tokens, from WARDEN_UPSTREAM_SIGNING_KEY or, in development, a key made for this run. */
export async function upstreamSignerOf(upstream: UpstreamConfig, logger: Logger): Promise<UpstreamSigner> {
  const signer = await createUpstreamSigner({
    ...(upstream.signingKey ? { privateKey: upstream.signingKey } : {}),
    issuer: upstream.issuer,
    audience: upstream.audience,
  });
  if (signer.ephemeral) {
    logger.warn('WARDEN_UPSTREAM_SIGNING_KEY is not set: the upstream tokens are signed with a key made for this run, which the next start replaces (the upstream re-reads /.well-known/jwks.json). Set one outside development.');
  }
  return signer;
}

/**
 * Everything proxy mode needs before a gateway can serve: the signing key, the upstream's
 * schema (its SDL file, or introspection as Warden itself), its classification checked against
 * that schema, and the identity hook. The start says what is hidden until classified.
 */
export async function prepareProxy(options: ProxyOptions): Promise<Proxy> {
  const { upstream, logger } = options;
  const signer = options.signer ?? (await upstreamSignerOf(upstream, logger));
  const endpoint = { url: upstream.url, headers: upstream.headers, timeoutMs: upstream.timeoutMs };
  const classification = options.classification ?? loadClassification(upstream.classesPath);
  const upstreamSchema = await loadUpstreamSchema({
    url: upstream.url,
    ...(upstream.sdlPath ? { sdlPath: upstream.sdlPath } : {}),
    introspect: serviceExecutor(endpoint, signer, SCHEMA_SCOPE, logger),
  });
  const schema = proxySchemaOf({
    upstream: upstreamSchema,
    executor: upstreamExecutor(endpoint, signer, logger),
    classification,
    ...(options.forwardAnswers === false ? { forwardAnswers: false } : {}),
  });
  const { unclassified, undeclared, stale } = schema.report;
  if (unclassified.length > 0) {
    logger.warn(
      { fields: unclassified },
      `${unclassified.length} upstream field(s) have no data class, so they are hidden as secrets until someone classifies them in ${classification.source}`,
    );
  }
  if (undeclared.length > 0) {
    logger.warn({ arguments: undeclared }, `${undeclared.length} upstream argument(s) do not say what they read, so they are refused during impersonation until declared in ${classification.source}`);
  }
  if (stale.length > 0) logger.warn({ entries: stale }, `${classification.source} names ${stale.length} thing(s) the upstream no longer has`);
  const query = upstream.identityQueryPath ? readFileSync(upstream.identityQueryPath, 'utf8') : undefined;
  const identity = options.identity ?? identityFromUpstream(serviceExecutor(endpoint, signer, IDENTITY_SCOPE, logger), query);
  return { schema, identity, signer, publicRoutes: [useJwks({ jwks: signer.jwks })] };
}

/**
 * The package's public entry.
 * exposes what the gateway is built from so the build and the packed tarball have an entry.
 */
export { createGateway, type Gateway, type GatewayOptions } from './server/gateway.js';
export { buildWardenSchema, type WardenSchema } from './server/warden-schema.js';

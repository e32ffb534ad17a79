/**
 * The Lettings API (examples/proxy/upstream) as a benchmark server, in a process of its own: the
 * API the proxy block compares Warden against, and the one Warden calls. It trusts the key set
 * in BENCH_UPSTREAM_JWKS, as it would trust any identity provider's. Started by bench/run.ts.
 */
import type { JSONWebKeySet } from 'jose';
import { startUpstream } from '../../examples/proxy/upstream/server.mjs';
import { serveBenchChild } from '../support/bench-child.js';

async function main(): Promise<void> {
  const keys = process.env.BENCH_UPSTREAM_JWKS;
  const audience = process.env.BENCH_UPSTREAM_AUDIENCE;
  if (!keys || !audience) throw new Error('bench/proxy/upstream-server.ts needs BENCH_UPSTREAM_JWKS and BENCH_UPSTREAM_AUDIENCE');
  const upstream = await startUpstream({ port: 0, keys: JSON.parse(keys) as JSONWebKeySet, issuer: process.env.BENCH_UPSTREAM_ISSUER ?? 'warden', audience });
  serveBenchChild({ port: Number(new URL(upstream.url).port), close: () => upstream.close() });
}

main().catch((error: unknown) => {
  console.error('the upstream failed to start:', error instanceof Error ? error.stack : error);
  process.exit(1);
});

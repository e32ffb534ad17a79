import http from 'node:http';
import type { Request } from 'autocannon';
import type { RunningLoad } from '../support/cleanup.js';

export interface RoundRobinOptions {
  /** The gateways, each `http://127.0.0.1:<port>`. */
  urls: readonly string[];
  /** One of the bench's workload requests: its `onResponse` tallies wrong answers. */
  request: Request;
  /** Requests in flight at once, over all gateways. */
  connections: number;
  seconds: number;
  /** No more requests than this are sent, however fast they come back. */
  maxRequests: number;
  /** The running load, so an interrupt can stop it. */
  track: (load: RunningLoad | null) => void;
}

export interface RoundRobinResult {
  /** Completed responses, whatever their status (the workload's tally judges them). */
  requests: number;
  /** From the first request sent to the last response received. */
  seconds: number;
  latenciesMs: number[];
  /** Completed responses per gateway, in `urls` order: how even the spread was. */
  perGateway: number[];
  /** Requests that got no response (reset, refused, timed out). */
  transportErrors: number;
  firstTransportError: string | null;
}

/** A request that took longer than this has stalled; the run is then void anyway. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Past this many failed connections the gateways are down: stop rather than spin. */
const MAX_TRANSPORT_ERRORS = 100;

/**
 * A closed loop of `connections` workers, each sending its next request to the next gateway in
 * turn (round-robin per request, as a load balancer in front of the instances would), for
 * `seconds` or `maxRequests`, whichever comes first. autocannon aims each instance at one host,
 * so it cannot spread requests this way; this driver sends the same workload requests with
 * node:http and keep-alive sockets.
 * Latency is each response's own wall time, with sub-millisecond resolution.
 */
export async function driveRoundRobin(options: RoundRobinOptions): Promise<RoundRobinResult> {
  // FIFO hands out every pooled socket in turn, so none idles into the gateway's keep-alive timeout.
  const targets = options.urls.map((url) => ({ url: new URL(url), agent: new http.Agent({ keepAlive: true, maxSockets: options.connections, scheduling: 'fifo' }) }));
  const onResponse = typeof options.request.onResponse === 'function' ? options.request.onResponse : null;
  const latenciesMs: number[] = [];
  const perGateway = targets.map(() => 0);
  const failures: { count: number; first: string | null } = { count: 0, first: null };
  let turn = 0;
  let stopped = false;
  options.track({ stop: () => (stopped = true) });
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const worker = async (): Promise<void> => {
    while (!stopped && performance.now() < deadline && turn < options.maxRequests) {
      const index = turn++ % targets.length;
      const target = targets[index];
      if (!target) return;
      const sent = performance.now();
      try {
        const { status, body } = await send(target.url, target.agent, options.request);
        latenciesMs.push(performance.now() - sent);
        perGateway[index] = (perGateway[index] ?? 0) + 1;
        onResponse?.(status, body, {}, options.request.headers);
      } catch (error) {
        failures.count += 1;
        failures.first ??= `${target.url.host}: ${error instanceof Error ? error.message : String(error)}`;
        if (failures.count >= MAX_TRANSPORT_ERRORS) stopped = true;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, worker));
  } finally {
    options.track(null);
    for (const target of targets) target.agent.destroy();
  }
  return {
    requests: latenciesMs.length,
    seconds: (performance.now() - started) / 1000,
    latenciesMs,
    perGateway,
    transportErrors: failures.count,
    firstTransportError: failures.first,
  };
}

/**
 * One request on a kept-alive socket; resolves to the status and the whole body as text. A
 * socket the gateway closed for idling just as it was reused fails with ECONNRESET before the
 * request reached it: that one is sent again once, on a fresh socket (as Node's docs advise).
 */
async function send(url: URL, agent: http.Agent, request: Request): Promise<{ status: number; body: string }> {
  try {
    return await sendOnce(url, agent, request);
  } catch (error) {
    if (!(error instanceof StaleSocketError)) throw error;
    return sendOnce(url, agent, request);
  }
}

/** The request was written to a reused socket the other end had already closed. */
class StaleSocketError extends Error {}

function sendOnce(url: URL, agent: http.Agent, request: Request): Promise<{ status: number; body: string }> {
  const body = request.body ?? '';
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method ?? 'POST',
        path: request.path ?? '/',
        headers: { ...request.headers, 'content-length': Buffer.byteLength(body) },
        agent,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no response within ${REQUEST_TIMEOUT_MS} ms`)));
    outgoing.on('error', (error: NodeJS.ErrnoException) => reject(outgoing.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocketError(error.message) : error));
    outgoing.end(body);
  });
}

import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { stopOnSignals } from '../../src/index.js';
import { waitUntil } from '../notify/wait-until.js';
import { capturingLogger } from '../support/capturing-logger.js';

let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server = null;
});

/** A server on 127.0.0.1 whose /slow requests wait until released. */
async function slowServer(): Promise<{ server: Server; port: number; release: () => void }> {
  const waiting: ServerResponse[] = [];
  const started = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/slow') waiting.push(res);
    else res.end('ok');
  });
  started.listen(0, '127.0.0.1');
  await once(started, 'listening');
  server = started;
  return { server: started, port: (started.address() as AddressInfo).port, release: () => waiting.splice(0).forEach((res) => res.end('done')) };
}

/** A GET on its own connection; resolves to the status and body, or the connection error's code. */
function get(port: number, path: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

function recorder() {
  const steps: string[] = [];
  const exits: number[] = [];
  return {
    steps,
    exits,
    warden: { stop: async () => void steps.push('warden stopped') },
    db: { destroy: async () => void steps.push('database closed') },
    exit: (code: number) => void exits.push(code),
  };
}

describe('stopOnSignals: a graceful stop', () => {
  it('takes no new connection, lets the request in flight finish, then stops Warden, closes the database and exits 0', async () => {
    const { server: slow, port, release } = await slowServer();
    const { logger, lines } = capturingLogger('info');
    const r = recorder();
    const stop = stopOnSignals({ server: slow, warden: r.warden, db: r.db, logger, exit: r.exit, signals: [] });

    const inFlight = get(port, '/slow');
    await waitUntil(async () => (await new Promise<number>((resolve) => slow.getConnections((_, n) => resolve(n)))) === 1);
    stop('SIGTERM');
    expect(await get(port, '/fast')).toEqual({ error: 'ECONNREFUSED' });
    // Nothing is stopped while a request is still being answered.
    expect(r.steps).toEqual([]);
    release();
    expect(await inFlight).toEqual({ status: 200, body: 'done' });
    await waitUntil(() => r.exits.length > 0);
    expect(r.steps).toEqual(['warden stopped', 'database closed']);
    expect(r.exits).toEqual([0]);
    expect(lines.some((line) => line.includes('shutting down') && line.includes('"signal":"SIGTERM"'))).toBe(true);
    expect(lines.some((line) => line.includes('stopped cleanly'))).toBe(true);
  });

  it('stops on the signals it is given, once: a second signal changes nothing', async () => {
    const { server: idle } = await slowServer();
    const { logger, lines } = capturingLogger('info');
    const r = recorder();
    const before = new Set(process.listeners('SIGUSR2'));
    try {
      stopOnSignals({ server: idle, warden: r.warden, db: r.db, logger, exit: r.exit, signals: ['SIGUSR2'] });
      process.emit('SIGUSR2', 'SIGUSR2');
      process.emit('SIGUSR2', 'SIGUSR2');
      await waitUntil(() => r.exits.length > 0);
    } finally {
      for (const listener of process.listeners('SIGUSR2')) if (!before.has(listener)) process.off('SIGUSR2', listener);
    }
    expect(r.exits).toEqual([0]);
    expect(r.steps).toEqual(['warden stopped', 'database closed']);
    expect(lines.filter((line) => line.includes('shutting down'))).toHaveLength(1);
    expect(lines.some((line) => line.includes('"signal":"SIGUSR2"'))).toBe(true);
  });

  it('gives the background work a period of its own after the requests, and exits 1 when it does not stop in it', async () => {
    const { server: idle } = await slowServer();
    const { logger, lines } = capturingLogger('info');
    const r = recorder();
    const hanging = { stop: () => new Promise<void>(() => undefined) };
    const stop = stopOnSignals({ server: idle, warden: hanging, db: r.db, logger, exit: r.exit, graceMs: 100, signals: [] });
    stop('SIGTERM');
    await waitUntil(() => r.exits.length > 0);
    expect(r.exits).toEqual([1]);
    expect(lines.some((line) => line.includes('stopping the background work and closing the database did not finish in time'))).toBe(true);
    expect(lines.some((line) => line.includes('in-flight requests did not finish in time'))).toBe(false);
  });

  it('exits 1 once the grace period is over with a request still running, saying so, without waiting for it', async () => {
    const { server: slow, port } = await slowServer();
    const { logger, lines } = capturingLogger('info');
    const r = recorder();
    const stop = stopOnSignals({ server: slow, warden: r.warden, db: r.db, logger, exit: r.exit, graceMs: 100, signals: [] });
    void get(port, '/slow');
    await waitUntil(async () => (await new Promise<number>((resolve) => slow.getConnections((_, n) => resolve(n)))) === 1);
    stop('SIGINT');
    await waitUntil(() => r.exits.length > 0);
    expect(r.exits).toEqual([1]);
    expect(r.steps).toEqual([]);
    expect(lines.some((line) => line.includes('in-flight requests did not finish in time'))).toBe(true);
  });

  it('exits 1 with the error in the log when Warden cannot stop, closing the database all the same; a second signal changes nothing', async () => {
    const { server: idle } = await slowServer();
    const { logger, lines } = capturingLogger('info');
    const r = recorder();
    const failing = { stop: () => Promise.reject(new Error('checkpoint signer unreachable')) };
    const stop = stopOnSignals({ server: idle, warden: failing, db: r.db, logger, exit: r.exit, signals: [] });
    stop('SIGTERM');
    stop('SIGTERM');
    await waitUntil(() => r.exits.length > 0);
    expect(r.exits).toEqual([1]);
    expect(r.steps).toEqual(['database closed']);
    expect(lines.filter((line) => line.includes('shutting down'))).toHaveLength(1);
    expect(lines.some((line) => line.includes('stopping failed: the background work did not close') && line.includes('checkpoint signer unreachable'))).toBe(true);
    expect(lines.some((line) => line.includes('stopped cleanly'))).toBe(false);
  });
});

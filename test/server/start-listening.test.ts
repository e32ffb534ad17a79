import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startListening } from '../../src/server/start-listening.js';

const servers: Server[] = [];
const server = () => {
  const created = createServer();
  servers.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => (s.listening ? new Promise((resolve) => s.close(resolve)) : undefined)));
});

/** A listen error names the variable to change and what to do, not a raw stack. */
describe('starting to listen', () => {
  it('names PORT when the port is taken', async () => {
    const taken = server().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await expect(startListening(server(), port, '127.0.0.1')).rejects.toThrow(
      `Warden cannot start: PORT ${port} is in use on 127.0.0.1; set PORT to a free port, or stop what is listening on it.`,
    );
  });

  it('names HOST when it is not an address of this machine', async () => {
    await expect(startListening(server(), 0, '192.0.2.1')).rejects.toThrow(
      'Warden cannot start: HOST 192.0.2.1 is not an address of this machine; set HOST to one of its addresses (0.0.0.0 listens on all).',
    );
  });

  it('names HOST when it does not resolve', async () => {
    await expect(startListening(server(), 0, 'warden-host.invalid')).rejects.toThrow(
      'Warden cannot start: HOST warden-host.invalid does not resolve to an address; set HOST to an IP address or a name this machine resolves.',
    );
  });

  it('listens when it can', async () => {
    const ok = server();
    await startListening(ok, 0, '127.0.0.1');
    expect(ok.listening).toBe(true);
  });
});

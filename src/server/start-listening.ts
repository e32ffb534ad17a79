import type { Server } from 'node:http';
import { ConfigError } from '../config/config.js';
import { systemErrorCode } from '../errors/index.js';

/**
 * Starts listening, or fails with a sentence naming the setting to change: the raw EADDRINUSE
 * stack says neither which variable holds the port nor what to do about it.
 */
export function startListening(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(new ConfigError(`Warden cannot start: ${listenProblem(error, port, host)}`, { cause: error }));
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

function listenProblem(error: Error, port: number, host: string): string {
  switch (systemErrorCode(error)) {
    case 'EADDRINUSE':
      return `PORT ${port} is in use on ${host}; set PORT to a free port, or stop what is listening on it.`;
    case 'EACCES':
      return `PORT ${port} needs privileges this process lacks; set PORT to 1024 or above.`;
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this machine; set HOST to one of its addresses (0.0.0.0 listens on all).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${host} does not resolve to an address; set HOST to an IP address or a name this machine resolves.`;
    default:
      return `listening on ${host}:${port} failed (${error.message}); check HOST and PORT.`;
  }
}

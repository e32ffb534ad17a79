import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface ReceivedBatch {
  headers: IncomingMessage['headers'];
  /** The body as sent. */
  text: string;
  status: number;
  /** Whether the receiver kept the batch (it may keep one and still answer an error: the answer was lost). */
  kept: boolean;
}

/** What the receiver does with its nth request (from 1). */
export type ReceiverBehaviour = (n: number) => { status: number; keep: boolean };

export interface StreamReceiver {
  url: string;
  port: number;
  batches: ReceivedBatch[];
  close(): Promise<void>;
}

const alwaysOk: ReceiverBehaviour = () => ({ status: 200, keep: true });

/**
 * An HTTP receiver on 127.0.0.1 that records every request before answering it. `maxBodyBytes`:
 * a larger body is refused with 413 and not kept, as a receiver behind a body limit does (a
 * function: the limit as it is at each request).
 */
export async function startStreamReceiver(options: { port?: number; path?: string; behaviour?: ReceiverBehaviour; maxBodyBytes?: number | (() => number) } = {}): Promise<StreamReceiver> {
  const limit = options.maxBodyBytes;
  const behaviour = options.behaviour ?? alwaysOk;
  const batches: ReceivedBatch[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const maxBodyBytes = typeof limit === 'function' ? limit() : limit;
      const tooLarge = maxBodyBytes !== undefined && body.length > maxBodyBytes;
      const { status, keep } = tooLarge ? { status: 413, keep: false } : behaviour(batches.length + 1);
      batches.push({ headers: req.headers, text: body.toString('utf8'), status, kept: keep });
      const answer = status < 300 ? '{"text":"Success","code":0}' : tooLarge ? '{"text":"Request entity too large","code":27}' : '{"text":"Server is busy","code":9}';
      res.writeHead(status, { 'content-type': 'application/json' }).end(answer);
    })().catch(() => res.destroy());
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const port = portOf(server);
  return {
    url: `http://127.0.0.1:${port}${options.path ?? '/ingest'}`,
    port,
    batches,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the receiver is not listening on TCP');
  return address.port;
}

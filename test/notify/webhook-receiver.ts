import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReceivedRequest {
  key: string | undefined;
  contentType: string | undefined;
  body: unknown;
  status: number;
  /** Kept while its key was already held: a repeat the deduplication absorbed. */
  duplicate: boolean;
}

/** What the receiver does with its nth request (from 1): the answer, and whether it keeps the message. */
export type Behaviour = (n: number) => { status: number; keep: boolean; delayMs?: number };

export interface WebhookReceiver {
  /** Shaped like a Slack webhook URL: the path is the secret part. */
  url: string;
  /** Every request, in arrival order, recorded before it is answered. */
  requests: ReceivedRequest[];
  /** What a deduplicating receiver holds: the first kept body per Idempotency-Key. */
  kept: Map<string, unknown>;
  close(): Promise<void>;
}

export const WEBHOOK_PATH = '/services/T0000/B0000/webhook-secret-part';
const alwaysOk: Behaviour = () => ({ status: 200, keep: true });

/** A Slack-like webhook on 127.0.0.1 that dedupes by Idempotency-Key. */
export async function startWebhookReceiver(
  options: { port?: number; behaviour?: Behaviour } = {},
): Promise<WebhookReceiver> {
  const behaviour = options.behaviour ?? alwaysOk;
  const requests: ReceivedRequest[] = [];
  const kept = new Map<string, unknown>();
  const server = createServer((req, res) => {
    void (async () => {
      const body: unknown = JSON.parse(await readBody(req));
      const key = header(req, 'idempotency-key');
      const { status, keep, delayMs = 0 } = behaviour(requests.length + 1);
      const duplicate = keep && key !== undefined && kept.has(key);
      requests.push({ key, contentType: header(req, 'content-type'), body, status, duplicate });
      if (keep && key !== undefined && !duplicate) kept.set(key, body);
      if (delayMs > 0) await sleep(delayMs);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'service_unavailable');
    })().catch(() => res.destroy());
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  return {
    requests,
    kept,
    url: `http://127.0.0.1:${portOf(server)}${WEBHOOK_PATH}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (yet): connections to it are refused. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = portOf(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the receiver is not listening on TCP');
  return address.port;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

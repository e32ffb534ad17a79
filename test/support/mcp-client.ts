import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { TestGateway } from './gateway.js';

/** A test gateway served over loopback, as an MCP client reaches it. */
export interface LoopbackGateway {
  /** `http://127.0.0.1:<port>/graphql`, for requests over a real socket. */
  graphqlUrl: URL;
  /** `http://127.0.0.1:<port>/mcp` */
  mcpUrl: URL;
  /** An SDK client connected with these headers (a bearer token, an impersonation token). */
  connect(headers: Record<string, string>): Promise<Client>;
  close(): Promise<void>;
}

export async function serveOnLoopback(t: TestGateway): Promise<LoopbackGateway> {
  const server: Server = createServer(t.gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const mcpUrl = new URL(`http://127.0.0.1:${port}/mcp`);
  const clients: Client[] = [];
  return {
    graphqlUrl: new URL(`http://127.0.0.1:${port}/graphql`),
    mcpUrl,
    async connect(headers) {
      const client = new Client({ name: 'warden-test-client', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(mcpUrl, { requestInit: { headers } }));
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, randomJwtSecret } from '../../src/config/config.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { customerIdentity } from '../../src/domain/accounts/index.js';
import { DEMO_MCP_OPERATIONS } from '../../src/domain/mcp-operations.js';
import { createLogger } from '../../src/log/logger.js';
import { McpOperationsError } from '../../src/mcp/index.js';
import { mcpOperationsOf, readMcpOperations } from '../../src/mcp/operations-file.js';
import { startWarden } from '../../src/server/start-warden.js';
import { openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { serveOnLoopback, type LoopbackGateway } from '../support/mcp-client.js';
import { startProxyWorld, type ProxyWorld } from '../support/proxy-world.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * MCP tools declared in a .graphql file (WARDEN_MCP_OPERATIONS), as proxy mode declares them:
 * the Lettings API's operations, described by the comments above them, served to an SDK client
 * through Warden in front of the upstream, masks and the audit trail included.
 */

const EXAMPLE = new URL('../../examples/proxy/mcp-operations.graphql', import.meta.url).pathname;

describe('reading the operations file', () => {
  it("takes each named operation as a tool, described by the comment lines right above it, the file's own header left out", () => {
    const operations = readMcpOperations(EXAMPLE);
    expect(operations.map((operation) => /^(?:query|mutation) (\w+)/.exec(operation.document)?.[1])).toEqual([
      'Organisation',
      'Tenants',
      'Tenant',
      'Payments',
      'UpdateTenantPhone',
      'RefundPayment',
    ]);
    expect(operations[1]?.description).toBe("The organisation's tenants, optionally only those of one status (APPLICANT, ACTIVE, FORMER), oldest first: name, email, phone and status.");
    for (const operation of operations) expect(operation.description).not.toContain('WARDEN_MCP_OPERATIONS');
  });

  it('joins a description written over several lines, and leaves a comment ending the line before to that line', () => {
    const [first, second] = mcpOperationsOf('# Lists\n#   the tenants.\nquery A { me { id } } # not B\'s\n# Who I am.\nquery B { me { id } }\n', 'tools.graphql');
    expect(first).toEqual({ description: 'Lists the tenants.', document: 'query A { me { id } }' });
    expect(second?.description).toBe('Who I am.');
  });

  it.each([
    ['an operation with no comment above it', '# About A.\nquery A { me { id } }\n\nquery B { me { id } }', /tools\.graphql, line 4: operation B has no description; put # comment lines right above it/],
    ['a comment parted from its operation by a blank line', '# About A.\n\nquery A { me { id } }', /line 3: operation A has no description/],
    ['a fragment', '# A.\nquery A { me { ...Who } }\nfragment Who on User { id }', /line 3: fragment Who: each tool's operation is sent as it is, so it must stand alone/],
    ['text that is not GraphQL', '# A.\nquery A { me { id }', /tools\.graphql, line 2 is not valid GraphQL \(Syntax Error/],
    ['a file with no operation', '# nothing here\n', /tools\.graphql declares no operation; write named queries or mutations in it/],
    ['a type definition', '# A type.\ntype Extra { id: ID }', /line 2: holds something other than a query or a mutation/],
  ])('refuses %s, naming the file and the line', (_what, text, message) => {
    expect(() => mcpOperationsOf(text, 'tools.graphql')).toThrow(McpOperationsError);
    expect(() => mcpOperationsOf(text, 'tools.graphql')).toThrow(message);
  });

  it('says what to do when the file is not there', () => {
    expect(() => readMcpOperations('/nonexistent/tools.graphql')).toThrow(/WARDEN_MCP_OPERATIONS names \/nonexistent\/tools\.graphql, but there is no such file: point it at a \.graphql file/);
  });
});

describe('WARDEN_MCP_OPERATIONS at the start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'warden-mcp-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const configWith = (file: string) => loadConfig({ NODE_ENV: 'test', WARDEN_JWT_SECRET: randomJwtSecret(), WARDEN_MCP_OPERATIONS: file });
  /** Starts Warden over a fresh, unmigrated database; what it left there is `tables`. */
  const startWith = async (file: string, options: { mcp?: typeof DEMO_MCP_OPERATIONS } = {}) => {
    const database = await createTestDatabase({ migrated: false });
    try {
      const handle = { db: database.db, listen: database.listen, engine: database.engine, pool: database.pool, description: 'a test database' };
      const started = startWarden({
        database: handle,
        schema: buildDemoSchema(),
        identity: customerIdentity(database.db),
        config: configWith(file),
        logger: createLogger('silent'),
        ...(options.mcp ? { mcp: { operations: options.mcp } } : {}),
      });
      const error = await started.then(
        () => null,
        (reason: unknown) => reason,
      );
      const tables = (await database.db.introspection.getTables()).map((table) => table.name);
      return { error: error instanceof Error ? error.message : String(error), tables };
    } finally {
      await database.destroy();
    }
  };

  it('is read as a path', () => {
    expect(configWith('tools.graphql').mcpOperationsPath).toBe(path.resolve('tools.graphql'));
    expect(loadConfig({ NODE_ENV: 'test', WARDEN_JWT_SECRET: randomJwtSecret() }).mcpOperationsPath).toBeUndefined();
  });

  it('stops the start, before anything is migrated, when an operation does not fit the schema', async () => {
    const file = path.join(dir, 'unfit.graphql');
    writeFileSync(file, '# Reads a field the schema lacks.\nquery Nope { me { shoeSize } }\n');
    const { error, tables } = await startWith(file);
    expect(error).toMatch(/MCP operation 1 \(Nope\): does not fit the schema: Cannot query field "shoeSize"/);
    expect(tables).toEqual([]);
  });

  it('is refused beside operations declared in code: one of the two would go unserved', async () => {
    const file = path.join(dir, 'fine.graphql');
    writeFileSync(file, '# Who I am.\nquery Me { me { id } }\n');
    const { error, tables } = await startWith(file, { mcp: DEMO_MCP_OPERATIONS });
    expect(error).toMatch(/WARDEN_MCP_OPERATIONS is set, but this application declares its MCP operations in code/);
    expect(tables).toEqual([]);
  });
});

describe("the example's tools, through Warden in front of the Lettings API", () => {
  let world: ProxyWorld;
  let loop: LoopbackGateway;
  let session: OpenSession;
  beforeAll(async () => {
    world = await startProxyWorld({ mcp: { operations: readMcpOperations(EXAMPLE) } });
    loop = await serveOnLoopback(world.t);
    session = await openSession(world.t, { agent: 'agent', userId: 'usr_jess', mode: 'read_only' });
  });
  afterAll(async () => {
    await loop?.close();
    await world?.close();
  });

  const toolNames = async (client: Client) => (await client.listTools()).tools.map((tool) => tool.name).sort();

  it('offers an agent in a read-only session the reads only, and the customer the changes too', async () => {
    const agent = await loop.connect({ authorization: `Bearer ${await world.t.tokenFor('agent')}`, ...withSession(session.token) });
    expect(await toolNames(agent)).toEqual(['Organisation', 'Payments', 'Tenant', 'Tenants']);
    const jess = await loop.connect({ authorization: `Bearer ${await world.t.tokenFor('usr_jess')}` });
    expect(await toolNames(jess)).toEqual(expect.arrayContaining(['RefundPayment', 'Tenants', 'UpdateTenantPhone']));
  });

  it("answers the agent's call with the upstream's tenants masked, the banner on, and every read on the trail", async () => {
    const agent = await loop.connect({ authorization: `Bearer ${await world.t.tokenFor('agent')}`, ...withSession(session.token) });
    const result = await agent.callTool({ name: 'Tenants', arguments: { first: 5 } });
    expect(result.isError).toBe(false);
    const answer = result.structuredContent as { data: { tenants: Array<{ id: string; email: string | null; phone: string | null; fullName: string }> }; extensions?: Record<string, unknown> };
    const tenants = answer.data.tenants;
    expect(tenants.length).toBeGreaterThan(0);
    const upstream = world.upstream.data.tenants.filter((tenant) => tenants.some((shown) => shown.id === tenant.id));
    for (const tenant of upstream) {
      const shown = tenants.find((each) => each.id === tenant.id);
      if (tenant.email) expect(shown?.email).not.toBe(tenant.email);
      if (tenant.phone) expect(shown?.phone).not.toBe(tenant.phone);
    }
    expect(answer.extensions?.['impersonation']).toBeDefined();
    const rows = await world.t.db.selectFrom('audit_events').select(['type_field', 'decision', 'operation']).where('session_id', '=', session.sessionId).where('kind', '=', 'field_read').execute();
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ type_field: 'Tenant.email', decision: 'masked', operation: 'Tenants' })]));
  });
});

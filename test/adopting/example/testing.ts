import { createGateway, createLogger, type DevTokenSubject, loadConfig, mintDevToken, type WardenDb } from 'warden';
import { shopIdentity } from './identity.js';
import { buildShopSchema } from './schema.js';

/** A GraphQL response as the shop's tests read it. */
export interface ShopResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
    extensions?: { impersonation?: { banner: string; user: { id: string; name: string | null } } };
  };
}

/**
 * The shop's gateway for its own tests, over a migrated database: no port opened, no
 * background work, tokens signed with the test's secret the way an identity provider would.
 */
export function shopTestGateway(db: WardenDb, secret: string) {
  const config = loadConfig({ NODE_ENV: 'test', WARDEN_JWT_SECRET: secret });
  const gateway = createGateway({ db, identity: shopIdentity(db), schema: buildShopSchema(), config, logger: createLogger('silent') });

  /** One request as `who`; an agent adds `{ 'x-impersonation-token': token }` to act as a customer. */
  async function ask(who: DevTokenSubject, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<ShopResponse> {
    const token = await mintDevToken(secret, who);
    const response = await gateway.fetch('http://shop.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.json() };
  }

  return { gateway, ask };
}

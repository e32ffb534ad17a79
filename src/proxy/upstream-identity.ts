import type { ExecutionResult, Executor } from '@graphql-tools/utils';
import { parse, type DocumentNode } from 'graphql';
import type { CustomerIdentity, WardenIdentity } from '../identity/identity.js';

/**
 * What Warden asks the upstream about a customer, as itself (a service token with scope
 * `warden:identity`). The one root field it selects answers a `CustomerIdentity` or null.
 */
export const DEFAULT_IDENTITY_QUERY = /* GraphQL */ `
  query WardenCustomer($id: ID!) {
    supportIdentity(userId: $id) {
      id
      name
      email
      role
      privileged
      account { id name sensitive supportAccess }
    }
  }
`;

/** The scope of the service token Warden asks the upstream who a customer is with. */
export const IDENTITY_SCOPE = 'warden:identity';

/**
 * The identity hook of a proxy: the upstream knows its customers, so Warden asks it (one query,
 * variable `$id`) whenever a rule depends on the answer. An upstream that cannot be reached
 * refuses with UPSTREAM_UNAVAILABLE, as its fields would; one that answers with errors makes the
 * hook throw, which Warden turns into IDENTITY_UNAVAILABLE (never a guess). The answer's shape is
 * checked there too. `executor` must clean its results (`serviceExecutor` does).
 */
export function identityFromUpstream(executor: Executor, query: string = DEFAULT_IDENTITY_QUERY): WardenIdentity {
  const document: DocumentNode = parse(query);
  return {
    async customer(id) {
      const result = (await executor({ document, variables: { id } })) as ExecutionResult<Record<string, unknown>>;
      // The upstream itself down: the same answer its fields would give, not a fault of the hook.
      const unavailable = result.errors?.find((error) => error.extensions?.['code'] === 'UPSTREAM_UNAVAILABLE');
      if (unavailable) throw unavailable;
      if (result.errors?.length) {
        throw new Error(`the upstream answered the identity query with ${result.errors.length} error(s): ${result.errors.map((error) => String(error.extensions?.['code'] ?? 'no code')).join(', ')}`);
      }
      const answers = Object.values(result.data ?? {});
      if (answers.length !== 1) throw new Error('the identity query must select exactly one root field');
      return answers[0] as CustomerIdentity | null;
    },
  };
}

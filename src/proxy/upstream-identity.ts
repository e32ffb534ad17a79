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
 * variable `$id`) whenever a rule depends on the answer. An upstream that fails or answers with
 * errors makes the hook throw, which Warden turns into IDENTITY_UNAVAILABLE (never a guess); the
 * answer's shape is checked there too.
 */
export function identityFromUpstream(executor: Executor, query: string = DEFAULT_IDENTITY_QUERY): WardenIdentity {
  const document: DocumentNode = parse(query);
  return {
    async customer(id) {
      const result = (await executor({ document, variables: { id } })) as ExecutionResult<Record<string, unknown>>;
      if (result.errors?.length) {
        throw new Error(`the upstream answered the identity query with ${result.errors.length} error(s): ${result.errors.map((error) => String(error.extensions?.['code'] ?? 'no code')).join(', ')}`);
      }
      const answers = Object.values(result.data ?? {});
      if (answers.length !== 1) throw new Error('the identity query must select exactly one root field');
      return answers[0] as CustomerIdentity | null;
    },
  };
}

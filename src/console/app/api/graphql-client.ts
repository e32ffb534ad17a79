import type { TypedDocumentString } from '../gql/graphql.js';

/** The header the gateway asks of browser requests (CSRF prevention): every request sends it. */
const CSRF_HEADER = 'x-warden-csrf';

export interface GraphQLErrorShape {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; field?: string };
}

/** `extensions.impersonation` of the contract: who acts as whom, until when. */
export interface ImpersonationInfo {
  sessionId: string;
  agent: { id: string; name: string };
  user: { id: string; name: string | null };
  account: { id: string; name: string | null };
  mode: 'read_only' | 'read_write';
  expiresAt: string;
  idleExpiresAt: string;
  banner: string;
}

export interface GraphQLResult<T> {
  status: number;
  data: T | null;
  errors: GraphQLErrorShape[];
  impersonation: ImpersonationInfo | null;
}

export interface Credentials {
  /** The caller's own bearer token. */
  token: string;
  /** During a session: the session token, sent beside the bearer. */
  impersonationToken?: string | null;
}

/** The gateway could not be reached, or answered something that is not GraphQL. */
export class GatewayUnreachable extends Error {}

/**
 * Posts a typed document to /graphql on this origin: the only place the console gets data from.
 * GraphQL errors come back in the result (each screen shows them where they belong); only a
 * network failure or a non-GraphQL answer throws.
 */
export async function runGraphQL<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  credentials: Credentials,
): Promise<GraphQLResult<TResult>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    authorization: `Bearer ${credentials.token}`,
    [CSRF_HEADER]: '1',
  };
  if (credentials.impersonationToken) headers['x-impersonation-token'] = credentials.impersonationToken;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables }), credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new GatewayUnreachable('The gateway could not be reached; check your connection and try again.');
  }
  const body = (await response.json().catch(() => null)) as { data?: TResult | null; errors?: GraphQLErrorShape[]; extensions?: { impersonation?: ImpersonationInfo } } | null;
  if (!body || typeof body !== 'object') throw new GatewayUnreachable(`The gateway answered ${response.status} without a GraphQL result.`);
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [], impersonation: body.extensions?.impersonation ?? null };
}

/** The first error with one of these codes, if any. */
export function errorWithCode(errors: readonly GraphQLErrorShape[], ...codes: string[]): GraphQLErrorShape | undefined {
  return errors.find((error) => codes.includes(error.extensions?.code ?? ''));
}

/** What to show for a request that threw: the gateway's own sentence when unreachable, else `fallback`. */
export function failureMessage(failure: unknown, fallback: string): string {
  return failure instanceof GatewayUnreachable ? failure.message : fallback;
}

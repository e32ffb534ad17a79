/** What a GraphQL response looks like to the harness (it only checks shapes, never types). */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

export function jsonHeaders(bearer: string, impersonationToken?: string | null): Record<string, string> {
  return {
    'content-type': 'application/json',
    authorization: `Bearer ${bearer}`,
    ...(impersonationToken ? { 'x-impersonation-token': impersonationToken } : {}),
  };
}

/** One request outside the measured load (setup, checks, cleanup); errors in the body throw. */
export async function postGraphQL(baseUrl: string, operation: Operation, headers: Record<string, string>): Promise<GraphQLBody> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify(operation), signal: AbortSignal.timeout(30_000) });
  const body = (await response.json()) as GraphQLBody;
  if (!response.ok || body.errors?.length) {
    throw new Error(`${operation.query.slice(0, 60)}… answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body;
}

/** Walks `data` by a path of keys; undefined when any step is missing. */
export function pick(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

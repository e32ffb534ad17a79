import type { Plugin } from 'graphql-yoga';

export interface NoStoreOptions {
  /** The GraphQL endpoint whose responses no cache may keep. @default '/graphql' */
  endpoint?: string;
}

/**
 * `Cache-Control: no-store` on every response of the GraphQL endpoint, whatever it carries:
 * data, errors, refusals, GraphiQL. Responses hold customer data, masked secrets and the
 * impersonation banner; a browser's or a proxy's cache would keep them after the session ends,
 * where the audit trail cannot see who reads them again.
 */
export function useNoStore(options: NoStoreOptions = {}): Plugin {
  const endpoint = options.endpoint ?? '/graphql';
  return {
    onResponse({ request, response }) {
      if (new URL(request.url).pathname === endpoint) response.headers.set('cache-control', 'no-store');
    },
  };
}

import type { Plugin } from 'graphql-yoga';
import { wardenError } from '../../errors/index.js';

/**
 * A POST whose content type no request parser reads gets a 415 with a body saying what to
 * send (yoga alone answers it with an empty one). Runs after the parsers have had their pick.
 */
export function useMediaTypeCheck(): Plugin {
  return {
    onRequestParse({ request, requestParser }) {
      if (requestParser || request.method !== 'POST') return;
      throw wardenError('BAD_REQUEST', 'Send GraphQL requests as JSON with "Content-Type: application/json".', {
        http: { status: 415 },
      });
    },
  };
}

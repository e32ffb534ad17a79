import type { Plugin } from 'graphql-yoga';
import { wardenError } from '../../errors/index.js';

/** `application/json`, with or without parameters (`; charset=utf-8`). */
const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

/**
 * A POST must be JSON. yoga would also read form, multipart and `application/graphql` bodies;
 * the gateway serves one format, so a browser form or a file upload is refused (415) with a
 * body saying what to send, before any parser reads it.
 */
export function useMediaTypeCheck(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST' || JSON_CONTENT_TYPE.test(request.headers.get('content-type') ?? '')) return;
      throw wardenError('BAD_REQUEST', 'Send GraphQL requests as JSON with "Content-Type: application/json".', {
        http: { status: 415 },
      });
    },
  };
}

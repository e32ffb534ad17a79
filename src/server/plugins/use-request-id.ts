import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export interface RequestIds {
  /** The id of this request: the caller's `X-Request-Id` if it is a plain token, else a new UUID. */
  idOf(request: Request): string;
  /** Echoes the id in the response header so a support ticket can quote it. */
  plugin: Plugin;
}

/** One per gateway: ids are kept in a WeakMap keyed by the request, so they go with it. */
export function useRequestIds(): RequestIds {
  const ids = new WeakMap<Request, string>();
  const idOf = (request: Request): string => {
    let id = ids.get(request);
    if (id === undefined) {
      const given = request.headers.get('x-request-id');
      id = given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
      ids.set(request, id);
    }
    return id;
  };
  return {
    idOf,
    plugin: {
      onResponse({ request, response }) {
        response.headers.set('x-request-id', idOf(request));
      },
    },
  };
}

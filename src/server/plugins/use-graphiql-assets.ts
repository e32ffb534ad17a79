import type { Plugin } from 'graphql-yoga';
import { GRAPHIQL_ASSETS, GRAPHIQL_SETUP_SCRIPT, GRAPHIQL_START_SCRIPT } from '../graphiql-page.js';

interface Asset {
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';

/**
 * Serves the files of GraphiQL's page (`renderGraphiQLPage`) from `@graphql-yoga/render-graphiql`,
 * which ships the build yoga's own page loads from a CDN. Development only: production serves no
 * GraphiQL. The package (a few megabytes of strings) is read on the first request for one of them,
 * so a gateway nobody opens GraphiQL on never loads it.
 */
export function useGraphiQLAssets(): Plugin {
  let assets: Promise<Map<string, Asset>> | undefined;
  const load = () => (assets ??= loadAssets());
  const paths = new Set<string>([GRAPHIQL_ASSETS.script, GRAPHIQL_ASSETS.style, GRAPHIQL_ASSETS.icon, ...Object.values(GRAPHIQL_ASSETS.workers)]);
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (!paths.has(url.pathname) || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const asset = (await load()).get(url.pathname);
      if (!asset) return;
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : asset.body, {
          headers: { 'content-type': asset.contentType, 'x-content-type-options': 'nosniff' },
        }),
      );
    },
  };
}

async function loadAssets(): Promise<Map<string, Asset>> {
  const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
  return new Map<string, Asset>([
    // One script, in the order yoga's page runs them inline: Monaco's setup, GraphiQL, the start.
    [GRAPHIQL_ASSETS.script, { contentType: JAVASCRIPT, body: `${GRAPHIQL_SETUP_SCRIPT}\n${bundle.js};\n${GRAPHIQL_START_SCRIPT}\n` }],
    [GRAPHIQL_ASSETS.style, { contentType: 'text/css; charset=utf-8', body: bundle.css }],
    [GRAPHIQL_ASSETS.icon, { contentType: 'image/x-icon', body: dataUrlBytes(bundle.favicon) }],
    [GRAPHIQL_ASSETS.workers.editorWorkerService, { contentType: JAVASCRIPT, body: bundle.editorWorkerService }],
    [GRAPHIQL_ASSETS.workers.json, { contentType: JAVASCRIPT, body: bundle.jsonWorker }],
    [GRAPHIQL_ASSETS.workers.graphql, { contentType: JAVASCRIPT, body: bundle.graphqlWorker }],
  ]);
}

/** The package ships its icon as a base64 `data:` URL. */
function dataUrlBytes(dataUrl: string): Uint8Array<ArrayBuffer> {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * Where the gateway serves GraphiQL's own files (`useGraphiQLAssets`), so the page loads
 * nothing from another origin: it works offline and under `script-src 'self'`.
 */
export const GRAPHIQL_ASSETS = {
  script: '/graphiql/graphiql.js',
  style: '/graphiql/graphiql.css',
  icon: '/graphiql/favicon.ico',
  /** Monaco's workers, by the label Monaco asks for. */
  workers: {
    editorWorkerService: '/graphiql/editor.worker.js',
    json: '/graphiql/json.worker.js',
    graphql: '/graphiql/graphql.worker.js',
  },
} as const;

/** The element holding the page's options, as JSON (data, not a script a CSP would have to allow). */
const OPTIONS_ELEMENT_ID = 'graphiql-options';

/** Runs before GraphiQL's bundle: Monaco takes its worker URLs from here, as yoga's own page sets them. */
export const GRAPHIQL_SETUP_SCRIPT = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (moduleId, label) { return ${JSON.stringify(GRAPHIQL_ASSETS.workers)}[label]; },
};`;

/** Runs after GraphiQL's bundle: renders it with the page's options. */
export const GRAPHIQL_START_SCRIPT = `YogaGraphiQL.renderYogaGraphiQL(
  document.getElementById('root'),
  JSON.parse(document.getElementById(${JSON.stringify(OPTIONS_ELEMENT_ID)}).textContent),
);`;

/**
 * yoga's `renderGraphiQL`: its page, with the scripts and styles it would load from a public
 * CDN served by the gateway instead, and no inline script.
 */
export function renderGraphiQLPage(options: GraphiQLOptions): string {
  // "<" never appears raw, so no value can close the element early ("</script>").
  const json = JSON.stringify(options).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${escapeHtml(options.favicon ?? GRAPHIQL_ASSETS.icon)}" />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS.style}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run GraphiQL.</noscript>
    <div id="root"></div>
    <script type="application/json" id="${OPTIONS_ELEMENT_ID}">${json}</script>
    <script src="${GRAPHIQL_ASSETS.script}"></script>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

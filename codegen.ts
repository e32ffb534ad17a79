import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { DateTime: 'string', Date: 'string' };

/**
 * Typed documents: every `graphql(...)` call is checked against the committed SDL and gets its
 * result and variables types. CI regenerates and fails on a diff.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: false,
  // NodeNext resolution needs `.js` on relative imports in the generated files.
  emitLegacyCommonJSImports: false,
  generates: {
    // The tests': documents as DocumentNode, which `gateway.execute` prints.
    'test/gql/': {
      documents: ['test/**/*.ts', '!test/gql/**'],
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars },
      presetConfig: { fragmentMasking: false },
    },
    // The console's: documents as strings, so the browser bundle carries no GraphQL parser; a
    // plain fetch posts them (src/console/app/api/graphql-client.ts).
    'src/console/app/gql/': {
      documents: ['src/console/app/**/*.{ts,tsx}', '!src/console/app/gql/**'],
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars, documentMode: 'string' },
      presetConfig: { fragmentMasking: false },
    },
  },
  hooks: {},
};

export default config;

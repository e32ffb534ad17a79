import { maxDepthRule, type MaxDepthOptions } from '@escape.tech/graphql-armor-max-depth';
import { BREAK, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * How deep graphql-armor counts the standard introspection query (graphql-js's
 * `getIntrospectionQuery`, which GraphiQL, codegen and most tools send, every option on):
 * its type references nest `ofType` nine levels, and each fragment spread counts as a level.
 */
export const STANDARD_INTROSPECTION_DEPTH = 21;

export interface IntrospectionDepthLimitOptions {
  /** The depth limit of every other query; introspection is held to it when it is the larger. */
  maxDepth: number;
  /** graphql-armor's rejection callbacks: how a refusal is reported. @default armor's: throw */
  rejection?: Pick<MaxDepthOptions, 'onReject' | 'propagateOnRejection'>;
}

/**
 * graphql-armor's depth limit skips `__schema` selections (its `ignoreIntrospection`), so a
 * schema introspection could nest as deep as the token limit lets it. This counts them, with
 * the same counter, against the larger of the depth limit and the standard introspection
 * query's depth: GraphiQL's own introspection passes, anything deeper is refused. Only
 * documents that introspect the schema are measured again, so no other query is refused twice.
 */
export function useIntrospectionDepthLimit(options: IntrospectionDepthLimitOptions): Plugin {
  const rule = maxDepthRule({
    n: Math.max(options.maxDepth, STANDARD_INTROSPECTION_DEPTH),
    ignoreIntrospection: false,
    ...options.rejection,
  });
  return {
    onValidate({ params, addValidationRule }) {
      if (introspectsSchema(params.documentAST)) addValidationRule(rule);
    },
  };
}

function introspectsSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(field) {
      if (field.name.value !== '__schema') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

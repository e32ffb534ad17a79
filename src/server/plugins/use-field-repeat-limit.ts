import { BREAK, GraphQLError, Kind, visit, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface FieldRepeatLimitOptions {
  /**
   * How many times one selection set may select the same response name, counting the fields
   * its fragments (inline or named) add to it.
   */
  maxRepeats: number;
}

/**
 * Refuses a document that selects one field many times in one place (`{ __typename __typename …}`,
 * `{ viewer { id id id … } }`), with QUERY_TOO_COMPLEX, before graphql-js validates it.
 *
 * The repeats cost nothing to answer (they merge into one response key) and little under the
 * cost and token limits (1,500 of them fit both), but graphql-js's OverlappingFieldsCanBeMerged
 * rule compares every pair of fields sharing a response name: 1,500 repeats are a million
 * comparisons, tens to hundreds of milliseconds of CPU for a two-kilobyte request. The count
 * runs first and, when over the limit, stands in for the validation result, so that rule never
 * sees the document. Fragments legitimately repeat a field a few times (each one asking for
 * `id`, clients adding `__typename`); the limit sits far above that.
 */
export function useFieldRepeatLimit(options: FieldRepeatLimitOptions): Plugin {
  /**
   * Documents counted and found within the limit: yoga's parse cache hands each request that
   * sends the same text the same document, so it is counted once. A refused one is counted
   * again each time (each refusal its own error object, for its own response).
   */
  const withinLimit = new WeakSet<DocumentNode>();
  return {
    onValidate({ params, setResult }) {
      const document = params.documentAST;
      if (withinLimit.has(document)) return;
      const refusal = repeatRefusal(document, options.maxRepeats);
      if (refusal) setResult([refusal]);
      else withinLimit.add(document);
    },
  };
}

function repeatRefusal(document: DocumentNode, maxRepeats: number): GraphQLError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let refusal: GraphQLError | null = null;
  visit(document, {
    SelectionSet(selectionSet) {
      const counts = responseNameCounts(selectionSet, fragments);
      for (const [name, count] of counts) {
        if (count <= maxRepeats) continue;
        refusal = new GraphQLError(`"${name}" is selected ${count} times in one selection set, over the limit of ${maxRepeats}. Select each field once.`, {
          nodes: selectionSet,
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        });
        return BREAK;
      }
      return undefined;
    },
  });
  return refusal;
}

/** How often each response name is selected in this selection set, as execution would merge them. */
function responseNameCounts(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Map<string, number> {
  const counts = new Map<string, number>();
  // A named fragment spread twice into one place adds its fields once; this also ends cycles.
  const spread = new Set<string>();
  const add = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(selection.selectionSet);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) add(fragment.selectionSet);
      }
    }
  };
  add(selectionSet);
  return counts;
}

import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
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
 * `{ viewer { id id id … } }`, or `{ viewer { id … } viewer { id … } … }`, whose selections
 * merge), with QUERY_TOO_COMPLEX, before graphql-js validates it.
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

/**
 * Selections the count may visit, fragments expanded, before the document is refused as too
 * complex to check. Far above what a document within the token limit visits when its fragments
 * are spread as clients spread them (each merged selection is counted once, however often it
 * is reached); a document whose fragments expand past it is refused rather than counted.
 */
export const MAX_VISITS = 100_000;

/**
 * The first refusal the document earns, or null. Counted as execution merges selections: the
 * fields of one response name in a selection set merge their own selections into one, so
 * `{ viewer { id } viewer { id } }` selects `id` twice under `viewer`. graphql-js's
 * OverlappingFieldsCanBeMerged compares those merged selections pair by pair, so forty `viewer`s
 * of forty `id`s each cost it what 1,600 `id`s in one place do, and are counted so.
 */
export function repeatRefusal(document: DocumentNode, maxRepeats: number, maxVisits = MAX_VISITS): GraphQLError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  /** Each selection set's number, to name a merged selection by the sets it merges. */
  const numbers = new Map<SelectionSetNode, number>();
  const numberOf = (set: SelectionSetNode): number => {
    let number = numbers.get(set);
    if (number === undefined) numbers.set(set, (number = numbers.size));
    return number;
  };
  /** Merged selections counted already (reached again through another spread of a fragment). */
  const counted = new Set<string>();
  let visits = 0;
  // Depth first, in document order, on a stack of its own: the document is not yet validated,
  // so nothing has limited its depth.
  const stack: SelectionSetNode[][] = [];
  for (let i = document.definitions.length - 1; i >= 0; i -= 1) {
    const definition = document.definitions[i]!;
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) stack.push([definition.selectionSet]);
  }
  for (let merged = stack.pop(); merged; merged = stack.pop()) {
    const key = merged.map(numberOf).join(',');
    if (counted.has(key)) continue;
    counted.add(key);
    const counts = new Map<string, { count: number; selections: SelectionSetNode[] }>();
    // A named fragment spread twice into one merged selection adds its fields once; this also ends cycles.
    const spread = new Set<string>();
    const add = (set: SelectionSetNode): void => {
      for (const selection of set.selections) {
        visits += 1;
        if (selection.kind === Kind.FIELD) {
          const name = selection.alias?.value ?? selection.name.value;
          let field = counts.get(name);
          if (!field) counts.set(name, (field = { count: 0, selections: [] }));
          field.count += 1;
          if (selection.selectionSet) field.selections.push(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          add(selection.selectionSet);
        } else if (!spread.has(selection.name.value)) {
          spread.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment) add(fragment.selectionSet);
        }
      }
    };
    for (const set of merged) add(set);
    if (visits > maxVisits) {
      return new GraphQLError(`The document's fragments expand to more than ${maxVisits} selections. Spread fewer fragments, or write their fields out.`, {
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      });
    }
    const children: SelectionSetNode[][] = [];
    for (const [name, { count, selections }] of counts) {
      if (count > maxRepeats) {
        return new GraphQLError(`"${name}" is selected ${count} times in one selection set, over the limit of ${maxRepeats}. Select each field once.`, {
          nodes: merged[0],
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        });
      }
      if (selections.length > 0) children.push(selections);
    }
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return null;
}

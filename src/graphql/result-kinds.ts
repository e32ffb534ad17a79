import { Kind, type DocumentNode, type ExecutionResult } from 'graphql';

/**
 * A result that leaves as one response: not a batch (an array) and not a stream (an async
 * iterable), which `onResultProcess` hooks may also be handed.
 */
export function isSingleResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(Symbol.asyncIterator in value);
}

/** A parse result that is a document (parse hooks are handed an error or null otherwise). */
export function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === Kind.DOCUMENT;
}

import type { GraphQLResolveInfo } from 'graphql';
import { wardenError } from '../../errors/index.js';

/** The error a denied field resolves with: the path (added by graphql-js), never the value. */
export function fieldDenied(coordinate: string, info: GraphQLResolveInfo) {
  return wardenError(
    'FIELD_DENIED',
    `${coordinate} is not shown to you under the current policy; a support session can ask a manager for a field-access grant.`,
    { field: coordinate, ...(info.operation.name ? { operation: info.operation.name.value } : {}) },
  );
}

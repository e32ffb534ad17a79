import { getOperationAST, Kind, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { wardenError } from '../../errors/index.js';

/**
 * When the document does not say which operation to run (several and no `operationName`, or an
 * `operationName` it does not have), the error names the operations it does have. It runs
 * before yoga's own check, whose "Could not determine what operation to execute." says neither.
 */
export function useOperationChoice(): Plugin<{ params?: { operationName?: string | null } }> {
  return {
    onParse({ context }) {
      return ({ result }) => {
        if (result instanceof Error || result === null) return;
        const operationName = context.params?.operationName ?? undefined;
        if (getOperationAST(result, operationName)) return;
        throw wardenError('BAD_REQUEST', whatToChoose(result, operationName), { http: { status: 400 } });
      };
    },
  };
}

function whatToChoose(document: DocumentNode, operationName: string | undefined): string {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0) return 'The document holds no operation, only fragments; add a query or a mutation.';
  // Only names from the document are listed: the "operationName" sent is not repeated back.
  const names = operations.flatMap((o) => (o.name ? [o.name.value] : [])).join(', ');
  if (operationName !== undefined) {
    return names
      ? `The document has no operation of the name sent as "operationName"; its operations are: ${names}.`
      : `The document's operation has no name; leave "operationName" out, or name the operation.`;
  }
  return names && operations.every((o) => o.name)
    ? `The document holds ${operations.length} operations (${names}); set "operationName" to the one to run.`
    : `The document holds ${operations.length} operations; give each a name and set "operationName" to the one to run.`;
}

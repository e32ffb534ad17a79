import { getVariableValues, Kind, type DefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { wardenError } from '../errors/index.js';
import type { GatewayContext } from '../graphql/context.js';
import { argumentReads, type ArgumentRead } from './argument-reads.js';
import { isAssistantColumn, type PolicyColumn } from './data-class.js';
import { effectiveDecision } from './decide.js';
import { fieldInventory } from './field-inventory.js';
import { ALLOW, type FieldPlan, type RequestPolicy } from './plugin/types.js';

/** Why an argument was refused: it reads a field not shown in full, or nobody declared what it reads. */
export type ArgumentRefusal =
  | { kind: 'hidden-field'; argument: string; field: string }
  | { kind: 'undeclared'; argument: string };

/**
 * Arguments are classified too. Filtering, searching or sorting by a field the caller may not
 * see in full would be an oracle (ask "does the email start with a?" until it is read), so a
 * document that uses such an input is refused with FORBIDDEN before any resolver runs. So is,
 * under impersonation, an argument that does not declare what it reads (fail closed: the build
 * refuses those in development and test, so this only guards a production build).
 */
export function useArgumentPolicy(): Plugin<GatewayContext> {
  let fields = new Map<string, FieldPlan>();
  return {
    onSchemaChange({ schema }) {
      fields = fieldInventory(schema);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      const operation = args.document.definitions.find(
        (d: DefinitionNode): d is OperationDefinitionNode =>
          d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      if (!operation || !context.policy) return;
      // Coerced, not as sent: a variable left out takes its default (`$email: String = "…"`),
      // which the raw values do not show. Variables that do not coerce: execution refuses the
      // whole document with the same errors before any resolver runs.
      const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
      if (!variables.coerced) return;
      const reads = argumentReads(args.schema, args.document, operation, variables.coerced);
      const refused = refusedArguments(reads, fields, context.policy, refusesUndeclaredArguments(context.access.column));
      if (refused.length > 0) setResultAndStopExecution({ errors: refused.map(refusalError) });
    },
  };
}

/**
 * Which reads the request may not make: one naming a field it does not see in full (grants
 * count exactly as they do for reading the field), or, under impersonation, an argument that
 * declares nothing. One refusal per field or argument. Pure.
 */
export function refusedArguments(
  reads: readonly ArgumentRead[],
  fields: ReadonlyMap<string, FieldPlan>,
  policy: RequestPolicy,
  impersonating: boolean,
): ArgumentRefusal[] {
  const refusals = new Map<string, ArgumentRefusal>();
  for (const { argument, field } of reads) {
    if (field === null) {
      if (impersonating) refusals.set(argument, { kind: 'undeclared', argument });
      continue;
    }
    const plan = fields.get(field);
    // A field the schema does not have is refused: nobody can say who may see it.
    if (!plan || effectiveDecision(plan, policy) !== ALLOW) refusals.set(field, { kind: 'hidden-field', argument, field });
  }
  return [...refusals.values()];
}

/**
 * Whose undeclared arguments are refused: anyone reading someone else's account — an agent in a
 * session and an AI assistant (in a session or not), never stricter for a person than a model.
 */
export function refusesUndeclaredArguments(column: PolicyColumn): boolean {
  return column === 'impersonation_read_only' || column === 'impersonation_read_write' || isAssistantColumn(column);
}

function refusalError(refusal: ArgumentRefusal) {
  return refusal.kind === 'hidden-field'
    ? wardenError(
        'FORBIDDEN',
        `You may not filter, search or sort by ${refusal.field}: it is not shown to you in full. Filter by a field you can see.`,
        { field: refusal.field, argument: refusal.argument },
      )
    : wardenError(
        'FORBIDDEN',
        `${refusal.argument} does not declare what data it reads, so it is refused during impersonation: leave it out, or ask for it to be declared (filtersBy) and reviewed.`,
        { argument: refusal.argument },
      );
}
